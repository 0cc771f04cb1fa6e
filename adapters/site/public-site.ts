import { createHash } from 'node:crypto';
import type { Innspill } from '../../src/innspill.ts';
import type { SiteSource } from '../../src/public/build.ts';
import { DOCUMENT_CSP, renderDocumentPage } from '../../src/public/document-page.ts';
import { PAGE_CSP, type PageSettings } from '../../src/public/page.ts';
import type { LinkMode } from '../../src/public/paths.ts';
import { siteFiles, type SiteFile } from '../../src/public/site.ts';
import { renderMarkdown } from './markdown.ts';

/** A file of the site, ready to send or write: its bytes, type, validators and the headers it needs. */
export interface RenderedFile {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
  headers: Record<string, string>;
}

export type SiteCore = Pick<Innspill, 'publicSiteSource' | 'publicSiteVersion' | 'documentFile' | 'clock' | 'settings'>;

export interface PublicSite {
  /** A file by its path in the site ('index.html', 'data.json', 'files/3-referat.pdf'), or null. */
  file(path: string): Promise<RenderedFile | null>;
  /** Every path of the site as it is now, documents included. */
  paths(): Promise<string[]>;
  /** Changes exactly when what the site shows changes. */
  fingerprint(): Promise<string>;
}

const MINUTE_MS = 60_000;

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** What the source shows, without the moment it was read: two reads of unchanged data hash alike. */
function fingerprintOf(source: SiteSource): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...source, data: { ...source.data, generatedAt: null } }))
    .digest('base64url');
}

const PAGE_HEADERS = { 'content-security-policy': PAGE_CSP };

/**
 * The public site over the core, rendered on change and cached between changes. Each request asks
 * the store for its change token (two pragmas, no table read); only when that moved is the published
 * data read again, and only when the data differs are pages rendered again, one at a time as asked.
 * Time alone changes what is shown too (the 30-day view, a poll closing at its time), so the data is
 * also read once a minute.
 */
export function createPublicSite(core: SiteCore, settings: PageSettings, mode: LinkMode): PublicSite {
  let state: { version: string; minute: number; source: SiteSource; fingerprint: string; files: Map<string, SiteFile> } | null = null;
  let refreshing: Promise<void> | null = null;
  const rendered = new Map<string, RenderedFile>();

  async function refresh(): Promise<void> {
    const version = core.publicSiteVersion();
    const now = core.clock();
    const minute = Math.floor(now.getTime() / MINUTE_MS);
    if (state && state.version === version && state.minute === minute) return;
    // Data is read again after a write, and once a minute: a poll that closes at its time changes nothing in the database.
    const fresh = await core.publicSiteSource();
    const fingerprint = fingerprintOf(fresh);
    // Writes that change nothing published (a digest sent, a delivery logged) keep the old data, its time and its pages.
    const same = state?.fingerprint === fingerprint;
    const source = same ? state!.source : fresh;
    if (!same || state!.minute !== minute) rendered.clear();
    const files = new Map(siteFiles(source, settings, now, mode).map((f) => [f.path, f]));
    state = { version, minute, source, fingerprint, files };
  }

  async function current() {
    // One read of the data at a time, however many readers arrive together.
    refreshing ??= refresh().finally(() => (refreshing = null));
    await refreshing;
    return state!;
  }

  // When each path's content last changed: the data's time, or later when only time changed it (the 30-day view).
  const changedAt = new Map<string, { etag: string; at: Date }>();

  function renderFile(path: string, f: SiteFile, dataTime: Date): RenderedFile {
    const previous = rendered.get(path);
    if (previous) return previous;
    const body = Buffer.from(f.render());
    const etag = etagOf(body);
    const known = changedAt.get(path);
    const lastModified = known?.etag === etag ? known.at : new Date(Math.max(dataTime.getTime(), known ? core.clock().getTime() : 0));
    changedAt.set(path, { etag, at: lastModified });
    const file = { body, contentType: f.contentType, etag, lastModified, headers: f.contentType.startsWith('text/html') ? PAGE_HEADERS : {} };
    rendered.set(path, file);
    return file;
  }

  async function documentAt(name: string): Promise<RenderedFile | null> {
    const found = await core.documentFile(name);
    if (!found) return null;
    const { document, bytes } = found;
    const body =
      document.kind === 'markdown'
        ? Buffer.from(renderDocumentPage(document.title, renderMarkdown(Buffer.from(bytes).toString('utf8'), 1), core.settings.defaultLocale))
        : Buffer.from(bytes);
    return {
      body,
      contentType: document.kind === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8',
      etag: etagOf(body),
      lastModified: document.createdAt,
      headers:
        document.kind === 'pdf'
          ? // Shown in the browser's own viewer, saved under its name; sandboxed so a crafted PDF runs nothing of ours.
            { 'content-disposition': `inline; filename="${name}"`, 'content-security-policy': 'sandbox' }
          : { 'content-security-policy': DOCUMENT_CSP },
    };
  }

  return {
    async file(path) {
      if (path.startsWith('files/')) return documentAt(path.slice('files/'.length));
      const s = await current();
      const f = s.files.get(path);
      return f ? renderFile(path, f, s.source.data.generatedAt) : null;
    },
    async paths() {
      const s = await current();
      return [...s.files.keys(), ...s.source.documents.flatMap((d) => (d.fileName ? [`files/${d.fileName}`] : []))];
    },
    async fingerprint() {
      const s = await current();
      return `${s.fingerprint}.${s.minute}`;
    },
  };
}
