import { escapeMarkdown } from '../digest/markdown.ts';
import { percent } from '../digest/format.ts';
import { csvCell } from '../export/render.ts';
import { catalog, formatNumber, label, type Locale } from '../i18n/index.ts';
import type { PublishedCount } from '../privacy/small-groups.ts';
import type { Survey } from '../ports/surveys.ts';
import { textIn, type Question } from './definition.ts';
import { SEGMENT_DIMENSIONS, type QuestionResult, type SegmentDimension, type SurveyResults } from './results.ts';

import type { ResultFormat } from './result-formats.ts';
export { RESULT_FORMATS, type ResultFormat } from './result-formats.ts';

interface RenderOptions {
  locale: Locale;
  fallback: Locale;
  minGroupSize: number;
}

const LIST_OF: Record<SegmentDimension, 'areas' | 'industries' | 'sizes'> = { area: 'areas', industry: 'industries', sizeBand: 'sizes' };

function groupLabel(locale: Locale, dimension: SegmentDimension, key: string): string {
  return key === 'unknown' ? catalog(locale).labels.unknownSegment : label(locale, LIST_OF[dimension], key);
}

/** The answer a count belongs to, as the participant saw it: an option's text, or a scale step with its label. */
function answerText(q: Question, key: string, o: RenderOptions): string {
  if (q.type === 'single' || q.type === 'multiple') {
    const option = q.options.find((x) => x.key === key);
    return option ? textIn(option.text, o.locale, o.fallback) : key;
  }
  if (q.type === 'scale' && key === '1') return `1 (${textIn(q.labels.low, o.locale, o.fallback)})`;
  if (q.type === 'scale' && key === '5') return `5 (${textIn(q.labels.high, o.locale, o.fallback)})`;
  return key;
}

const questionOf = (survey: Survey, id: string) => survey.definition.questions.find((q) => q.id === id)!;
const fewer = (p: PublishedCount | null) => (p === null ? null : p.kind === 'count' ? p.value : { fewerThan: p.than });

function questionJson(survey: Survey, r: QuestionResult, o: RenderOptions) {
  const q = questionOf(survey, r.id);
  return {
    id: r.id,
    type: r.type,
    text: textIn(q.text, o.locale, o.fallback),
    responses: r.responses,
    ...(r.counts ? { counts: r.counts.map((c) => ({ key: c.key, text: answerText(q, c.key, o), count: c.count })) } : {}),
    ...(r.average !== undefined ? { average: r.average } : {}),
    ...(r.texts ? { texts: r.texts } : {}),
  };
}

function toJson(survey: Survey, results: SurveyResults, o: RenderOptions): string {
  const segments = Object.fromEntries(
    SEGMENT_DIMENSIONS.map((d) => [
      d,
      {
        groups: results.segments[d].shown.map((g) => ({ key: g.key, responses: g.responses, questions: g.questions.map((q) => questionJson(survey, q, o)) })),
        other: fewer(results.segments[d].other),
      },
    ]),
  );
  return `${JSON.stringify(
    {
      survey: { id: survey.id, title: textIn(survey.definition.title, o.locale, o.fallback) },
      responses: results.responses,
      partial: results.partial,
      recipients: results.recipients,
      responseRate: results.responseRate,
      minGroupSize: o.minGroupSize,
      questions: results.questions.map((q) => questionJson(survey, q, o)),
      segments,
    },
    null,
    2,
  )}\n`;
}

/** One table: a row per answer count, overall and per segment group shown; free text one row each. */
function toCsv(survey: Survey, results: SurveyResults, o: RenderOptions): string {
  const rows: (string | number | null)[][] = [['scope', 'question_id', 'question', 'answer', 'count']];
  const add = (scope: string, list: QuestionResult[]) => {
    for (const r of list) {
      const q = questionOf(survey, r.id);
      const text = textIn(q.text, o.locale, o.fallback);
      rows.push([scope, r.id, text, '(responses)', r.responses]);
      for (const c of r.counts ?? []) rows.push([scope, r.id, text, answerText(q, c.key, o), c.count]);
      for (const t of r.texts ?? []) rows.push([scope, r.id, text, t, 1]);
    }
  };
  rows.push(['all', null, null, '(complete responses)', results.responses]);
  add('all', results.questions);
  for (const d of SEGMENT_DIMENSIONS) {
    for (const g of results.segments[d].shown) add(`${d}:${g.key}`, g.questions);
    const other = results.segments[d].other;
    if (other) rows.push([`${d}:other`, null, null, '(responses)', other.kind === 'count' ? other.value : `<${other.than}`]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function toMarkdown(survey: Survey, results: SurveyResults, o: RenderOptions): string {
  const s = catalog(o.locale).surveys;
  const n = (x: number) => formatNumber(o.locale, x);
  const lines = [`# ${escapeMarkdown(textIn(survey.definition.title, o.locale, o.fallback))}`, ''];
  lines.push(
    s.resultsSummary({
      responses: n(results.responses),
      recipients: n(results.recipients),
      rate: results.responseRate === null ? '–' : percent(results.responseRate),
      partial: n(results.partial),
    }),
    '',
  );
  const questionLines = (list: QuestionResult[], level: string) => {
    for (const r of list) {
      const q = questionOf(survey, r.id);
      lines.push(`${level} ${escapeMarkdown(textIn(q.text, o.locale, o.fallback))}`, '', s.resultsAnswered({ count: n(r.responses) }), '');
      for (const c of r.counts ?? []) lines.push(`- ${escapeMarkdown(answerText(q, c.key, o))}: ${n(c.count)}${r.responses ? ` (${percent(c.count / r.responses)})` : ''}`);
      if (r.average !== undefined && r.average !== null) lines.push('', s.resultsAverage({ value: r.average.toFixed(1) }));
      for (const t of r.texts ?? []) lines.push(`> ${escapeMarkdown(t).replace(/\n/g, ' ')}`, '');
      lines.push('');
    }
  };
  questionLines(results.questions, '##');
  lines.push(`## ${s.resultsBySegment}`, '');
  for (const d of SEGMENT_DIMENSIONS) {
    for (const g of results.segments[d].shown) {
      lines.push(`### ${s.dimensions[d]}: ${escapeMarkdown(groupLabel(o.locale, d, g.key))} (${n(g.responses)})`, '');
      questionLines(g.questions, '####');
    }
    const other = results.segments[d].other;
    if (other) lines.push(`### ${s.dimensions[d]}: ${s.resultsOther} (${other.kind === 'count' ? n(other.value) : s.resultsFewer({ than: other.than })})`, '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export function renderSurveyResults(survey: Survey, results: SurveyResults, format: ResultFormat, options: RenderOptions): string {
  if (format === 'json') return toJson(survey, results, options);
  if (format === 'csv') return toCsv(survey, results, options);
  return toMarkdown(survey, results, options);
}
