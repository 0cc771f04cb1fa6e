import { percent } from '../digest/format.ts';
import { catalog, formatNumber, type Locale } from '../i18n/index.ts';
import { textIn } from '../surveys/definition.ts';
import { answerRows } from '../surveys/publish.ts';
import { averageText, groupName, responsesLine } from '../surveys/publish-text.ts';
import { SEGMENT_DIMENSIONS } from '../surveys/results.ts';
import type { ExportData } from './model.ts';
import { escapeHtml } from './render.ts';

/**
 * Closed surveys on the HTML export: per question its counts (bars as `<meter>`, as for polls), a
 * scale's average, the published free text, and the responses per segment group that the
 * small-group rule lets through.
 */
export function surveysHtml(data: ExportData, locale: Locale): string {
  const surveys = data.surveys ?? [];
  if (!surveys.length) return '';
  const c = catalog(locale).surveyResults;
  const n = (x: number) => formatNumber(locale, x);
  const parts = surveys.map((s) => {
    const head = `<section><h3>${escapeHtml(textIn(s.title, locale, locale))}</h3><p>${escapeHtml(c.closedOn({ date: s.closedAt.slice(0, 10) }))} · ${escapeHtml(responsesLine(locale, s))}</p>`;
    const questions = s.questions.map((q) => {
      const rows = answerRows(q, locale)
        .map((a) => `<tr><td>${escapeHtml(a.label)}</td><td><meter min="0" max="100" value="${Math.round(a.share * 100)}"></meter> ${escapeHtml(percent(a.share, locale))}</td><td>${n(a.count)}</td></tr>`)
        .join('');
      const average = q.average != null ? `<p>${escapeHtml(averageText(locale, q.average))}</p>` : '';
      const texts = q.texts ? (q.texts.length ? `<ul>${q.texts.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>` : `<p><small>${escapeHtml(c.noFreeText)}</small></p>`) : '';
      return `<h4>${escapeHtml(textIn(q.text, locale, locale))}</h4><p><small>${escapeHtml(c.answeredQuestion({ count: n(q.responses) }))}</small></p>${rows ? `<table>${rows}</table>` : ''}${average}${texts}`;
    });
    const cuts = SEGMENT_DIMENSIONS.flatMap((d) => {
      const cut = s.segments[d];
      if (!cut) return [];
      const groups = [...cut.groups.map((g) => [groupName(locale, d, g.key), g.responses] as const), ...(cut.other !== null ? [[groupName(locale, d, null), cut.other] as const] : [])];
      return [`<p>${groups.map(([name, count]) => escapeHtml(c.groupLine({ group: name, count: n(count) }))).join(' · ')}</p>`];
    });
    return `${head}${questions.join('')}${cuts.length ? `<h4>${escapeHtml(c.bySegment)}</h4>${cuts.join('')}` : ''}</section>`;
  });
  return `<h2>${escapeHtml(c.surveysTitle)}</h2>\n${parts.join('\n')}`;
}
