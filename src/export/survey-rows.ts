import { catalog, label, type Locale } from '../i18n/index.ts';
import { textIn } from '../surveys/definition.ts';
import { answerRows, type PublishedQuestion } from '../surveys/publish.ts';
import { SEGMENT_DIMENSIONS, type SegmentDimension } from '../surveys/results.ts';
import type { ExportData } from './model.ts';

type Row = (string | number | null)[];
const LIST_OF: Record<SegmentDimension, 'areas' | 'industries' | 'sizes'> = { area: 'areas', industry: 'industries', sizeBand: 'sizes' };

/**
 * The CSV's survey rows, in the export's columns: `survey` per answer count (the question in `text`,
 * the answer in `option`, its count in `votes`, those who answered the question in `voters`),
 * `survey_text` per published free-text answer, and `survey_by_<dimension>` for the cuts by
 * segment, under the small-group rule. A withheld survey has one row saying how few answered.
 */
export function surveyRows(data: Pick<ExportData, 'surveys'>, locale: Locale): Row[] {
  const c = catalog(locale);
  const rows: Row[] = [];
  for (const s of data.surveys ?? []) {
    const date = s.closedAt.slice(0, 10);
    const title = textIn(s.title, locale, locale);
    const responses = s.responses ?? `<${s.responsesFewerThan}`;
    rows.push(['survey', s.id, date, null, title, null, null, null, null, null, responses, c.messages.pollClosed]);
    const question = (q: PublishedQuestion, segment: [SegmentDimension, string] | null) => {
      const kind = segment ? `survey_by_${segment[0] === 'sizeBand' ? 'size' : segment[0]}` : 'survey';
      const group = segment ? (segment[1] === 'unknown' ? c.labels.unknownSegment : label(locale, LIST_OF[segment[0]], segment[1])) : null;
      const where = [segment?.[0] === 'area' ? group : null, segment?.[0] === 'industry' ? group : null, segment?.[0] === 'sizeBand' ? group : null];
      const text = textIn(q.text, locale, locale);
      for (const a of answerRows(q, locale)) rows.push([kind, `${s.id}:${q.id}`, date, null, text, ...where, a.label, a.count, q.responses]);
      for (const t of q.texts ?? []) rows.push(['survey_text', `${s.id}:${q.id}`, date, null, t, null, null, null, text]);
    };
    for (const q of s.questions) question(q, null);
    for (const d of SEGMENT_DIMENSIONS) {
      const cut = s.segments[d];
      for (const g of cut?.groups ?? []) for (const q of g.questions) question(q, [d, g.key]);
      // The merged small groups: how many responses, never their answers.
      if (cut?.other) rows.push([`survey_by_${d === 'sizeBand' ? 'size' : d}`, s.id, date, null, title, null, null, null, 'other (merged)', cut.other]);
    }
  }
  return rows;
}
