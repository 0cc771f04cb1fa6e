import { formatDate } from '../digest/format.ts';
import { escapeMarkdown } from '../digest/markdown.ts';
import { escapeHtml } from '../export/render.ts';
import { catalog, formatNumber, label, type Locale } from '../i18n/index.ts';
import type { PublishedCount } from '../privacy/small-groups.ts';
import { NOT_GIVEN } from './build.ts';
import { DIMENSIONS, type Dimension, type SegmentReport } from './model.ts';

const LIST: Record<Dimension, 'areas' | 'industries' | 'sizes'> = { area: 'areas', industry: 'industries', size: 'sizes' };

/** The report as plain rows of text, so Markdown and HTML show exactly the same cuts. */
interface Block {
  heading: string;
  lines: string[];
}

function blocks(report: SegmentReport, locale: Locale, timeZone: string): { title: string; rule: string; sections: Block[] } {
  const f = catalog(locale).followUp;
  const k = report.minGroupSize;
  const n = (x: number) => formatNumber(locale, x);
  const segment = (d: Dimension, key: string) => label(locale, LIST[d], key === NOT_GIVEN ? null : key);
  const other = (c: PublishedCount | null) => (c ? [`${f.reportOther}: ${c.kind === 'count' ? n(c.value) : f.reportFewer({ k })}`] : []);
  const s = report.suggestions;
  const sections: Block[] = [
    { heading: f.reportSuggestions({ count: n(s.total) }), lines: [] },
    { heading: f.reportByTopic, lines: s.byTopic.map((g) => `${label(locale, 'topics', g.key)}: ${n(g.count)}`) },
    { heading: f.reportByStatus, lines: s.byStatus.map((g) => `${f.progress[g.key]}: ${n(g.count)}`) },
    ...DIMENSIONS.map((d) => ({ heading: f.reportBy[d], lines: [...s.bySegment[d].shown.map((g) => `${segment(d, g.key)}: ${n(g.count)}`), ...other(s.bySegment[d].other)] })),
  ];
  sections.push({ heading: f.reportPolls, lines: report.polls.length ? [] : [f.reportNoPolls] });
  for (const p of report.polls) {
    const lines = [f.reportVoters({ count: n(p.voters) }), ...p.options.map((o, i) => `${o}: ${n(p.counts[i]!)}`)];
    for (const d of DIMENSIONS) {
      const cut = p.bySegment[d];
      for (const r of cut.shown) lines.push(`${f.reportBy[d]} · ${segment(d, r.key)} (${f.reportVoters({ count: n(r.voters) })}): ${p.options.map((o, i) => `${o} ${n(r.options[i]!)}`).join(', ')}`);
      for (const o of other(cut.other)) lines.push(`${f.reportBy[d]} · ${o}`);
    }
    sections.push({ heading: p.question, lines });
  }
  const period = { from: formatDate(locale, report.period.start, timeZone), to: formatDate(locale, new Date(report.period.end.getTime() - 1), timeZone) };
  return { title: f.reportTitle(period), rule: f.reportRule({ k }), sections };
}

export function reportMarkdown(report: SegmentReport, locale: Locale, timeZone: string): string {
  const { title, rule, sections } = blocks(report, locale, timeZone);
  const out = [`# ${escapeMarkdown(title)}`, '', `_${escapeMarkdown(rule)}_`, ''];
  for (const b of sections) out.push(`## ${escapeMarkdown(b.heading)}`, '', ...b.lines.map((l) => `- ${escapeMarkdown(l)}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** A self-contained page (no scripts, nothing loaded from elsewhere) to print or show at the conference. */
export function reportHtml(report: SegmentReport, locale: Locale, timeZone: string): string {
  const { title, rule, sections } = blocks(report, locale, timeZone);
  const body = sections.map((b) => `<section><h2>${escapeHtml(b.heading)}</h2><ul>${b.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></section>`).join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p><em>${escapeHtml(rule)}</em></p>
${body}
</body>
</html>
`;
}

export function reportJson(report: SegmentReport): string {
  return `${JSON.stringify({ ...report, period: { start: report.period.start.toISOString(), end: report.period.end.toISOString() } }, null, 2)}\n`;
}
