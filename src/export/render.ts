import { catalog, label, type Locale } from '../i18n/index.ts';
import type { ExportData } from './model.ts';
import { segmentRows } from './segment-rows.ts';
import { countText } from '../digest/published-text.ts';
import { surveyRows } from './survey-rows.ts';
import { surveysHtml } from './survey-html.ts';


export function exportJson(data: ExportData): string {
  const segments = data.segments ? { segments: { ...data.segments, period: { start: data.segments.period.start.toISOString(), end: data.segments.period.end.toISOString() } } } : {};
  return `${JSON.stringify({ generatedAt: data.generatedAt.toISOString(), suggestions: data.suggestions, polls: data.polls, ...segments, surveys: data.surveys ?? [] }, null, 2)}\n`;
}

/** Quotes a CSV cell and defuses spreadsheet formulas, since the file is meant to be opened in Excel. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The export CSV's columns; the public site's data.csv picks its survey rows' cells from them by name. */
export const EXPORT_CSV_HEADER = ['kind', 'id', 'date', 'topic', 'text', 'area', 'industry', 'size_band', 'option', 'votes', 'voters', 'state', 'status', 'note'] as const;

/**
 * One table for both kinds, so one file opens in a spreadsheet: a row per suggestion (with its
 * follow-up status and public note) and per poll option (with the poll's voters and state), then the
 * results by segment. Topics, segments, states and statuses read in the chosen language; the
 * byte-order mark makes Excel read the file as UTF-8 (æøå), not as ANSI.
 */
export function exportCsv(data: ExportData, locale: Locale): string {
  const c = catalog(locale);
  const header = [...EXPORT_CSV_HEADER];
  const rows: (string | number | null)[][] = [header];
  for (const s of data.suggestions) {
    rows.push([
      'suggestion', s.ref, s.date, label(locale, 'topics', s.topic), s.text, label(locale, 'areas', s.area), label(locale, 'industries', s.industry), label(locale, 'sizes', s.sizeBand),
      null, null, null, null, s.status === undefined ? null : ((c.followUp.progress as Record<string, string>)[s.status] ?? s.status), s.note ?? null,
    ]);
  }
  for (const p of data.polls) {
    const state = p.closed ? c.messages.pollClosed : c.messages.pollOpen;
    // A withheld count (an anonymous poll with too few voters) reads "<5", never a number.
    const voters = p.voters ?? `<${p.votersFewerThan}`;
    for (const o of p.options) rows.push(['poll', p.id, null, null, p.question, null, null, null, o.label, o.votes ?? `<${p.votersFewerThan}`, voters, state]);
  }
  rows.push(...segmentRows(data));
  rows.push(...surveyRows(data, locale));
  // Every row as wide as the header, so a spreadsheet lines the columns up.
  const full = rows.map((r) => [...r, ...Array<null>(Math.max(0, header.length - r.length)).fill(null)]);
  return `\uFEFF${full.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** The start of every self-contained page: doctype, language, character set, phone viewport and title. */
export function htmlStart(locale: Locale, title: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>`;
}

/** A self-contained page (no scripts, no external files) for the municipality's web site. */
export function exportHtml(data: ExportData, locale: Locale): string {
  const c = catalog(locale);
  const title = locale === 'nb' ? 'Innspill fra næringslivet i Indre Østfold' : 'Input from the businesses of Indre Østfold';
  const byTopic = new Map<string, ExportData['suggestions']>();
  for (const s of data.suggestions) byTopic.set(s.topic, [...(byTopic.get(s.topic) ?? []), s]);
  // The mandate's order, as in the digest; topics an operator added come last.
  const order = Object.keys(c.labels.topics);
  const rank = (topic: string) => (order.includes(topic) ? order.indexOf(topic) : order.length);
  const sections = [...byTopic.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(
    ([topic, list]) => `<section><h3>${escapeHtml(label(locale, 'topics', topic))} (${list.length})</h3><ul>${list
      .map(
        (s) =>
          `<li><p>${escapeHtml(s.text)}</p><small>${escapeHtml(s.ref)} · ${escapeHtml(s.date)} · ${escapeHtml(label(locale, 'areas', s.area))} · ${escapeHtml(
            label(locale, 'industries', s.industry),
          )} · ${escapeHtml(label(locale, 'sizes', s.sizeBand))}</small></li>`,
      )
      .join('')}</ul></section>`,
  );
  const polls = data.polls.map((p) => {
    const voters = c.digest.pollVoters({ count: countText(locale, { count: p.voters ?? 0, ...(p.votersFewerThan !== undefined ? { fewerThan: p.votersFewerThan } : {}) }) });
    const head = `<section><h3>${escapeHtml(p.question)}</h3><p>${escapeHtml(voters)} · ${p.closed ? c.digest.pollClosed : c.digest.pollOpen}</p>`;
    if (p.withheld) return `${head}<p>${escapeHtml(c.privacy.resultsWithheld({ count: String(p.votersFewerThan ?? '') }))}</p></section>`;
    const total = p.options.reduce((a, o) => a + (o.votes ?? 0), 0);
    const rows = p.options
      .map((o) => {
        const pct = total ? Math.round(((o.votes ?? 0) / total) * 100) : 0;
        return `<tr><td>${escapeHtml(o.label)}</td><td><meter min="0" max="100" value="${pct}"></meter> ${pct} %</td><td>${o.votes}</td></tr>`;
      })
      .join('');
    return `${head}<table>${rows}</table></section>`;
  });
  return `${htmlStart(locale, title)}
<style>
body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.6rem}h2{border-bottom:2px solid #1b1b1b;padding-bottom:.2rem;margin-top:2rem}h3{margin-bottom:.4rem}li{margin-bottom:.8rem}li p{margin:0}
small{color:#555}table{border-collapse:collapse}td{padding:.2rem .6rem}meter{width:8rem}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p><small>${escapeHtml(data.generatedAt.toISOString().slice(0, 10))}</small></p>
<h2>${escapeHtml(c.digest.newSuggestions)}</h2>
${sections.join('\n')}
<h2>${escapeHtml(c.digest.polls)}</h2>
${polls.join('\n')}
${surveysHtml(data, locale)}
</body>
</html>
`;
}
