import { documentFileName } from '../domain/document.ts';
import type { SiteSource } from '../public/build.ts';
import type { PublicDocument } from '../public/model.ts';
import type { StoredDocument } from '../ports/public-site.ts';
import type { CoreDeps } from './context.ts';
import { exportPublished } from './reports.ts';

export function publicDocument(d: StoredDocument): PublicDocument {
  return { id: d.id, title: d.title, date: d.date, kind: d.kind, fileName: documentFileName(d), url: d.url, addedAt: d.createdAt.toISOString() };
}

/** Everything the public site shows, read at one moment: the published export, weekly voters and documents. */
export async function publicSiteSource(deps: CoreDeps): Promise<SiteSource> {
  const [{ segments: _segments, ...data }, weeklyVoters, documents] = await Promise.all([
    // The one source of what is published: the follow-up's moderation and statuses arrive through it.
    // The export's results by segment (up to now, so they move with time alone) are not on the page.
    exportPublished(deps),
    deps.store.publicSite.weeklyVoters(),
    deps.store.documents.list(),
  ]);
  return {
    data,
    weeklyVoters,
    documents: documents.map(publicDocument),
    topics: deps.settings.topics,
    minGroupSize: deps.settings.minGroupSize,
    defaultLocale: deps.settings.defaultLocale,
  };
}
