import { escapeHtml } from '../export/render.ts';

/**
 * Inline SVG charts for the public page. Every horizontal bar chart has the same width and the same
 * 0–100 % scale, so bars line up from one poll (or breakdown) to the next. The SVG is a picture for
 * sighted readers; its `<title>` sums it up and the page gives the same figures as a table.
 */

const WIDTH = 400;
/** Width of 100 %: the rest of the row holds the percentage. */
const SCALE = 340;
const ROW = 36;
const LABEL_MAX = 52;

export interface BarRow {
  label: string;
  /** 0..1, or null when the figure may not be shown (a group too small). */
  share: number | null;
  /** What is written at the end of the row ("42 %", "fewer than 5"). */
  value: string;
}

function truncate(text: string): string {
  const chars = [...text];
  return chars.length > LABEL_MAX ? `${chars.slice(0, LABEL_MAX - 1).join('')}…` : text;
}

export function percentText(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** A horizontal bar chart on the shared 0–100 % scale. `id` must be unique on the page. */
export function barChart(id: string, title: string, rows: readonly BarRow[]): string {
  const height = rows.length * ROW + 24;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => `<line x1="${t * SCALE}" x2="${t * SCALE}" y1="0" y2="${rows.length * ROW}" class="grid"/>`)
    .join('');
  const axis = [0, 0.5, 1]
    .map((t, i) => `<text x="${t * SCALE}" y="${rows.length * ROW + 16}" class="axis" text-anchor="${['start', 'middle', 'end'][i]}">${percentText(t)}</text>`)
    .join('');
  const bars = rows
    .map((r, i) => {
      const y = i * ROW;
      const width = r.share === null ? 0 : Math.max(r.share > 0 ? 2 : 0, Math.round(r.share * SCALE * 10) / 10);
      return (
        `<text x="0" y="${y + 14}" class="label">${escapeHtml(truncate(r.label))}</text>` +
        `<rect x="0" y="${y + 20}" width="${width}" height="14" class="bar"/>` +
        `<text x="${WIDTH}" y="${y + 32}" text-anchor="end" class="value">${escapeHtml(r.value)}</text>`
      );
    })
    .join('');
  return `<svg class="chart" id="${id}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-t"><title id="${id}-t">${escapeHtml(title)}</title>${grid}${bars}${axis}</svg>`;
}

export interface ColumnWeek {
  week: string;
  first: number;
  /** Null when the figure may not be shown. */
  second: number | null;
}

/** Rounds up to 1, 2 or 5 times a power of ten, so the axis reads well. */
function niceMax(n: number): number {
  if (n <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(n));
  return ([1, 2, 5, 10].find((m) => m * p >= n) ?? 10) * p;
}

/** Two columns per week (suggestions and voters) on one vertical scale. */
export function weeklyChart(id: string, title: string, weeks: readonly ColumnWeek[], formatLabel: (week: string) => string): string {
  const left = 34;
  const top = 8;
  const plot = 150;
  const max = niceMax(Math.max(1, ...weeks.flatMap((w) => [w.first, w.second ?? 0])));
  const slot = (WIDTH - left) / Math.max(1, weeks.length);
  const bar = Math.max(1, Math.min(14, slot * 0.4));
  const y = (v: number) => top + plot - (v / max) * plot;
  const ticks = [0, max / 2, max]
    .map((v) => `<line x1="${left}" x2="${WIDTH}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${left - 4}" y="${y(v) + 4}" text-anchor="end" class="axis">${v}</text>`)
    .join('');
  const columns = weeks
    .map((w, i) => {
      const x = left + i * slot + slot / 2;
      const first = `<rect x="${(x - bar).toFixed(1)}" y="${y(w.first).toFixed(1)}" width="${bar.toFixed(1)}" height="${(top + plot - y(w.first)).toFixed(1)}" class="bar"/>`;
      const second =
        w.second === null ? '' : `<rect x="${x.toFixed(1)}" y="${y(w.second).toFixed(1)}" width="${bar.toFixed(1)}" height="${(top + plot - y(w.second)).toFixed(1)}" class="bar2"/>`;
      return first + second;
    })
    .join('');
  const labels =
    weeks.length === 0
      ? ''
      : `<text x="${left}" y="${top + plot + 18}" class="axis">${escapeHtml(formatLabel(weeks[0]!.week))}</text>` +
        (weeks.length > 1 ? `<text x="${WIDTH}" y="${top + plot + 18}" text-anchor="end" class="axis">${escapeHtml(formatLabel(weeks.at(-1)!.week))}</text>` : '');
  return `<svg class="chart wide" id="${id}" viewBox="0 0 ${WIDTH} ${top + plot + 26}" role="img" aria-labelledby="${id}-t"><title id="${id}-t">${escapeHtml(title)}</title>${ticks}${columns}${labels}</svg>`;
}
