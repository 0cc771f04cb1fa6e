import { DIMENSIONS } from '../report/model.ts';
import type { PublishedCount } from '../privacy/small-groups.ts';
import type { ExportData } from './model.ts';

const OTHER = 'other (merged)';
const shown = (c: PublishedCount) => (c.kind === 'count' ? c.value : `<${c.than}`);

/**
 * The CSV's segment rows, in the export's columns: `suggestions_by_<dimension>` rows give a count per
 * segment in `votes`, `poll_by_<dimension>` rows give an option's votes within a segment. Segments
 * below the small-group limit appear only merged, as "other (merged)", with "<k" when that is small too.
 */
export function segmentRows(data: ExportData): (string | number | null)[][] {
  const s = data.segments;
  if (!s) return [];
  const rows: (string | number | null)[][] = [];
  const row = (kind: string, id: string | number | null, text: string | null, segment: string, option: string | null, value: string | number) =>
    rows.push([kind, id, null, null, text, kind.endsWith('area') ? segment : null, kind.endsWith('industry') ? segment : null, kind.endsWith('size') ? segment : null, option, value]);
  for (const d of DIMENSIONS) {
    const cut = s.suggestions.bySegment[d];
    for (const g of cut.shown) row(`suggestions_by_${d}`, null, null, g.key, null, g.count);
    if (cut.other) row(`suggestions_by_${d}`, null, null, OTHER, null, shown(cut.other));
  }
  for (const p of s.polls) {
    for (const d of DIMENSIONS) {
      const cut = p.bySegment[d];
      for (const r of cut.shown) p.options.forEach((o, i) => row(`poll_by_${d}`, p.id, p.question, r.key, o, r.options[i]!));
      if (cut.other) row(`poll_by_${d}`, p.id, p.question, OTHER, null, shown(cut.other));
    }
  }
  return rows;
}
