import type { ExportData } from '../export/model.ts';
import type { Locale } from '../i18n/locale.ts';
import { isLargeEnough, mergeSmallGroups, publishedCount } from '../privacy/small-groups.ts';
import {
  PERIOD_DAYS,
  PUBLIC_STATUSES,
  type Period,
  type PublicBreakdown,
  type PublicDocument,
  type PublicPoll,
  type PublicSiteModel,
  type PublicStatus,
  type PublicSuggestion,
  type PublicWeek,
  type WeeklyVoters,
} from './model.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface SiteSource {
  /** What the core publishes (`exportPublished()`): it already leaves out what may not be shown. */
  data: ExportData;
  weeklyVoters: WeeklyVoters[];
  documents: PublicDocument[];
  topics: readonly string[];
  minGroupSize: number;
  /** The language of the open data and the feed. */
  defaultLocale: Locale;
}

/** A status the page knows, or "received" for none or one it does not (yet) know. */
export function publicStatus(status: string | undefined): PublicStatus {
  return (PUBLIC_STATUSES as readonly string[]).includes(status ?? '') ? (status as PublicStatus) : 'received';
}

/** Monday (UTC) of the week an instant falls in, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}

/** When a suggestion was sent: the full time if the export has it, else the start of its day. */
const sentAt = (s: ExportData['suggestions'][number]) => s.createdAt ?? `${s.date}T00:00:00.000Z`;

function breakdown(dimension: PublicBreakdown['dimension'], keys: (string | null)[], minGroupSize: number): PublicBreakdown {
  const counts = new Map<string, number>();
  // "Not given" is a group like any other: it is merged too when small.
  for (const key of keys) counts.set(key ?? '', (counts.get(key ?? '') ?? 0) + 1);
  const groups = [...counts.entries()].map(([key, count]) => ({ key, count }));
  const { shown, other } = mergeSmallGroups(groups, minGroupSize);
  return {
    dimension,
    total: keys.length,
    shown: shown.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).map((g) => ({ key: g.key || null, count: g.count })),
    other,
  };
}

function poll(p: ExportData['polls'][number], minGroupSize: number): PublicPoll {
  // A handful of answers can name who gave them; counts appear once the smallest group has answered.
  // The export has already withheld what the small-group rule hides (a null count); the page is stricter still.
  const voters = p.voters;
  const shown = voters !== null && isLargeEnough(voters, minGroupSize) && p.options.every((o) => o.votes !== null);
  return {
    id: p.id,
    question: p.question,
    closed: p.closed,
    voters: voters === null ? { kind: 'fewer', than: p.votersFewerThan ?? minGroupSize } : publishedCount(voters, minGroupSize),
    shown,
    options: p.options.map((o) => ({
      label: o.label,
      votes: shown ? o.votes : null,
      share: shown && o.votes !== null ? (voters ? Math.min(1, o.votes / voters) : 0) : null,
    })),
  };
}

function weeks(suggestions: PublicSuggestion[], voters: WeeklyVoters[], since: string | null, minGroupSize: number): PublicWeek[] {
  const byWeek = new Map<string, { suggestions: number; voters: number }>();
  const at = (week: string) => byWeek.get(week) ?? byWeek.set(week, { suggestions: 0, voters: 0 }).get(week)!;
  const first = since ? weekOf(since) : null;
  // Thousands of suggestions fall on a few hundred days: each day's week is worked out once.
  const weekOfDay = new Map<string, string>();
  for (const s of suggestions) {
    const day = s.createdAt.slice(0, 10);
    const week = weekOfDay.get(day) ?? weekOfDay.set(day, weekOf(day)).get(day)!;
    at(week).suggestions += 1;
  }
  for (const v of voters) if (!first || v.week >= first) at(v.week).voters += v.voters;
  if (byWeek.size === 0) return [];
  // Every week from the first to the last, so quiet weeks show as gaps rather than vanish.
  const keys = [...byWeek.keys()].sort();
  const result: PublicWeek[] = [];
  for (let t = Date.parse(keys[0]!); t <= Date.parse(keys.at(-1)!); t += 7 * DAY_MS) {
    const week = new Date(t).toISOString().slice(0, 10);
    const w = byWeek.get(week) ?? { suggestions: 0, voters: 0 };
    result.push({ week, suggestions: w.suggestions, voters: publishedCount(w.voters, minGroupSize) });
  }
  return result;
}

/** The order of topics: the configured ones first, as in the digest, then any others found. */
function topicOrder(configured: readonly string[], found: Iterable<string>): string[] {
  const order = [...configured];
  for (const t of found) if (!order.includes(t)) order.push(t);
  return order;
}

/**
 * One view of the public site, from what the core publishes. Pure: the same source and time give the
 * same model. Small groups are merged or withheld here, so every rendering (page, data, feed) agrees.
 */
export function buildSiteModel(source: SiteSource, period: Period, now: Date): PublicSiteModel {
  const since = period === '30d' ? new Date(now.getTime() - PERIOD_DAYS * DAY_MS).toISOString() : null;
  const inPeriod = source.data.suggestions.filter((s) => !since || sentAt(s) >= since);
  const suggestions: PublicSuggestion[] = inPeriod
    .map((s) => ({
      id: s.ref.replace(/^#/, ''),
      ref: s.ref,
      createdAt: sentAt(s),
      date: s.date,
      topic: s.topic,
      status: publicStatus(s.status),
      text: s.text,
      note: s.note ?? null,
    }))
    // ISO times order as plain strings; localeCompare would run the collator on every comparison.
    .sort((a, b) => (a.createdAt === b.createdAt ? Number(b.id) - Number(a.id) : a.createdAt < b.createdAt ? 1 : -1));
  const polls = source.data.polls
    // A period shows the polls created in it and those still open.
    .filter((p) => !since || !p.closed || !p.createdAt || p.createdAt >= since)
    .map((p) => poll(p, source.minGroupSize))
    .sort((a, b) => b.id - a.id);
  return {
    // The moment the data was read, not the moment of rendering: the same data renders the same page.
    generatedAt: source.data.generatedAt.toISOString(),
    period,
    since,
    minGroupSize: source.minGroupSize,
    topics: topicOrder(source.topics, new Set(suggestions.map((s) => s.topic))),
    suggestions,
    polls,
    breakdowns: [
      breakdown('area', inPeriod.map((s) => s.area), source.minGroupSize),
      breakdown('industry', inPeriod.map((s) => s.industry), source.minGroupSize),
      breakdown('size', inPeriod.map((s) => s.sizeBand), source.minGroupSize),
    ],
    weeks: weeks(suggestions, source.weeklyVoters, since, source.minGroupSize),
    // Minutes and presentations belong to the whole project, so every period lists them all.
    documents: [...source.documents].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id),
    // A period shows the surveys that closed in it; a running one is never in the data.
    surveys: (source.data.surveys ?? []).filter((s) => !since || s.closedAt >= since),
  };
}
