import { percent } from '../digest/format.ts';
import { escapeHtml } from '../export/render.ts';
import { catalog, formatNumber, type Locale } from '../i18n/index.ts';
import { textIn } from '../surveys/definition.ts';
import { answerRows, type PublishedSurvey } from '../surveys/publish.ts';
import { averageText, groupName, responsesLine } from '../surveys/publish-text.ts';
import { SEGMENT_DIMENSIONS } from '../surveys/results.ts';
import { barChart } from './charts.ts';
import type { PublicSiteModel } from './model.ts';
import { details, table } from './page.ts';

/** One question: its bar chart on the shared 0–100 % scale with the same figures as a table, a scale's average, or its published free text. */
function question(s: PublishedSurvey, q: PublishedSurvey['questions'][number], locale: Locale): string {
  const t = catalog(locale);
  const c = t.surveyResults;
  const text = textIn(q.text, locale, locale);
  const id = `s${s.id}-${q.id}`;
  const meta = `<p class="meta">${escapeHtml(c.answeredQuestion({ count: formatNumber(locale, q.responses) }))}</p>`;
  if (q.texts) {
    const list = q.texts.length ? `<ul class="answers">${q.texts.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>` : `<p class="muted">${escapeHtml(c.noFreeText)}</p>`;
    return `<h4 id="h-${id}">${escapeHtml(text)}</h4>${meta}${list}`;
  }
  const rows = answerRows(q, locale);
  const chart = barChart(id, `${text} ${rows.map((r) => `${r.label}: ${percent(r.share, locale)}`).join('; ')}`, rows.map((r) => ({ label: r.label, share: r.share, value: percent(r.share, locale) })));
  const average = q.average != null ? `<p>${escapeHtml(averageText(locale, q.average))}</p>` : '';
  const figures = table(text, [t.publicSite.option, t.publicSite.count, t.publicSite.share], rows.map((r) => [r.label, formatNumber(locale, r.count), percent(r.share, locale)]));
  return `<h4 id="h-${id}">${escapeHtml(text)}</h4>${meta}${chart}${average}${details(locale, figures)}`;
}

/** Responses per area, industry and size: only groups of at least the small-group size, the rest merged. */
function cuts(s: PublishedSurvey, locale: Locale): string {
  const c = catalog(locale).surveyResults;
  const p = catalog(locale).publicSite;
  const tables = SEGMENT_DIMENSIONS.flatMap((d) => {
    const cut = s.segments[d];
    if (!cut) return [];
    const rows = cut.groups.map((g) => [groupName(locale, d, g.key), formatNumber(locale, g.responses)]);
    if (cut.other !== null) rows.push([groupName(locale, d, null), formatNumber(locale, cut.other)]);
    return [table({ area: p.byArea, industry: p.byIndustry, sizeBand: p.bySize }[d], [p.group, p.count], rows)];
  });
  return tables.length ? details(locale, `<p class="muted">${escapeHtml(c.bySegment)}</p>${tables.join('')}`) : '';
}

/** Closed surveys, each with its questions' results, in the polls' chart style. Nothing when there is none. */
export function surveysSection(model: PublicSiteModel, locale: Locale): string {
  const surveys = model.surveys ?? [];
  if (!surveys.length) return '';
  const c = catalog(locale).surveyResults;
  const items = surveys.map((s) => {
    const title = escapeHtml(textIn(s.title, locale, locale));
    const meta = `<p class="meta">${escapeHtml(c.closedOn({ date: s.closedAt.slice(0, 10) }))} · ${escapeHtml(responsesLine(locale, s))}</p>`;
    return `<article class="survey" aria-labelledby="h-s${s.id}"><h3 id="h-s${s.id}">${title}</h3>${meta}${s.questions.map((q) => question(s, q, locale)).join('')}${cuts(s, locale)}</article>`;
  });
  return `<section id="undersokelser" aria-labelledby="h-surveys"><h2 id="h-surveys">${escapeHtml(c.surveysTitle)} (${formatNumber(locale, surveys.length)})</h2>${items.join('')}</section>`;
}
