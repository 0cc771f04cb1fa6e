import { csvCell, escapeHtml, EXPORT_CSV_HEADER } from '../export/render.ts';
import { surveyRows } from '../export/survey-rows.ts';
import { catalog, label, type Locale } from '../i18n/index.ts';
import type { PublishedCount } from '../privacy/small-groups.ts';
import type { PublicSiteModel } from './model.ts';

/**
 * The open data: the same content as the page (same privacy cuts, same figures), as JSON and CSV,
 * and the newest suggestions and documents as an Atom feed.
 */

/** A count as open data: the number, or "<5" when the group is too small to publish. */
function countValue(c: PublishedCount): number | string {
  return c.kind === 'count' ? c.value : `<${c.than}`;
}

export function siteJson(model: PublicSiteModel, title: string): string {
  const body = {
    title,
    generatedAt: model.generatedAt,
    minGroupSize: model.minGroupSize,
    suggestions: model.suggestions.map((s) => ({ ref: s.ref, createdAt: s.createdAt, date: s.date, topic: s.topic, status: s.status, text: s.text, note: s.note })),
    polls: model.polls.map((p) => ({
      id: p.id,
      question: p.question,
      closed: p.closed,
      voters: countValue(p.voters),
      options: p.options.map((o) => ({ label: o.label, votes: o.votes, share: o.share === null ? null : Math.round(o.share * 1000) / 1000 })),
    })),
    breakdowns: Object.fromEntries(
      model.breakdowns.map((b) => [b.dimension, { total: b.total, groups: b.shown.map((g) => ({ key: g.key, count: g.count })), other: b.other ? countValue(b.other) : null }]),
    ),
    weeks: model.weeks.map((w) => ({ week: w.week, suggestions: w.suggestions, voters: countValue(w.voters) })),
    documents: model.documents.map((d) => ({ id: d.id, title: d.title, date: d.date, kind: d.kind, file: d.fileName ? `files/${d.fileName}` : null, url: d.url })),
    surveys: model.surveys ?? [],
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

type Row = (string | number | null)[];

/**
 * The closed surveys' rows as the export CSV writes them (`export/survey-rows.ts`: the same cuts
 * under the small-group rule, in the site's language), moved into this table's columns: the segment
 * in `group`, an answer's count in `count`, and the answer and the number who answered in the two
 * columns only survey rows fill.
 */
function siteSurveyRows(model: PublicSiteModel, locale: Locale): Row[] {
  return surveyRows({ surveys: model.surveys ?? [] }, locale).map((r) => {
    const cell = (name: (typeof EXPORT_CSV_HEADER)[number]) => r[EXPORT_CSV_HEADER.indexOf(name)] ?? null;
    return [cell('kind'), cell('id'), cell('date'), cell('topic'), null, cell('text'), null, cell('area') ?? cell('industry') ?? cell('size_band'), cell('votes'), cell('option'), cell('voters')];
  });
}

/** One table, so one file opens in a spreadsheet: a row per suggestion, poll option, group, week, document and survey answer. */
export function siteCsv(model: PublicSiteModel, locale: Locale): string {
  const header = ['kind', 'id', 'date', 'topic', 'status', 'text', 'note', 'group', 'count', 'option', 'voters'];
  const rows: Row[] = [header];
  for (const s of model.suggestions) rows.push(['suggestion', s.ref, s.date, s.topic, s.status, s.text, s.note, null, null]);
  for (const p of model.polls) {
    if (!p.shown) rows.push(['poll', p.id, null, null, null, p.question, null, null, countValue(p.voters)]);
    for (const o of p.shown ? p.options : []) rows.push(['poll', p.id, null, null, null, p.question, null, o.label, o.votes]);
  }
  for (const b of model.breakdowns) {
    for (const g of b.shown) rows.push([b.dimension, null, null, null, null, null, null, g.key ?? 'not_given', g.count]);
    if (b.other) rows.push([b.dimension, null, null, null, null, null, null, 'other', countValue(b.other)]);
  }
  for (const w of model.weeks) {
    rows.push(['week', null, w.week, null, null, null, null, 'suggestions', w.suggestions]);
    rows.push(['week', null, w.week, null, null, null, null, 'voters', countValue(w.voters)]);
  }
  for (const d of model.documents) rows.push(['document', d.id, d.date, null, null, d.title, d.url ?? `files/${d.fileName}`, d.kind, null]);
  rows.push(...siteSurveyRows(model, locale));
  // Every row as wide as the header, so a spreadsheet lines the columns up.
  const full = rows.map((r) => [...r, ...Array<null>(Math.max(0, header.length - r.length)).fill(null)]);
  return `${full.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const FEED_ITEMS = 50;

/** Escaped for XML, without the control characters XML 1.0 cannot hold at all. */
function xml(text: string): string {
  return escapeHtml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

/**
 * The newest published suggestions and documents. Links are relative to the feed (which sits beside
 * the front page), so the feed works wherever the site is served or copied.
 */
export function siteFeed(model: PublicSiteModel, title: string, locale: Locale): string {
  const t = catalog(locale).publicSite;
  const entries = [
    ...model.suggestions.slice(0, FEED_ITEMS).map((s) => ({
      id: `tag:innspill,2026:suggestion:${s.id}`,
      title: `${s.ref} · ${label(locale, 'topics', s.topic)}`,
      updated: s.createdAt,
      link: `./#i${s.id}`,
      content: s.note ? `${s.text}\n\n${t.note}: ${s.note}` : s.text,
    })),
    ...model.documents.slice(0, FEED_ITEMS).map((d) => ({
      id: `tag:innspill,2026:document:${d.id}`,
      title: t.feedDocument({ title: d.title }),
      updated: d.addedAt,
      link: d.fileName ? `files/${encodeURIComponent(d.fileName)}` : d.url!,
      content: d.title,
    })),
  ]
    .sort((a, b) => b.updated.localeCompare(a.updated))
    .slice(0, FEED_ITEMS);
  const updated = entries[0]?.updated ?? model.generatedAt;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">
<title>${xml(t.feedTitle({ title }))}</title>
<id>tag:innspill,2026:feed</id>
<updated>${escapeHtml(updated)}</updated>
<link rel="alternate" type="text/html" href="./"/>
<link rel="self" href="feed.atom"/>
<author><name>${xml(title)}</name></author>
${entries
  .map(
    (e) =>
      `<entry><id>${xml(e.id)}</id><title>${xml(e.title)}</title><updated>${xml(e.updated)}</updated><link rel="alternate" href="${xml(e.link)}"/><content type="text">${xml(e.content)}</content></entry>`,
  )
  .join('\n')}
</feed>
`;
}
