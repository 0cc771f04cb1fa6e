import { pollResults, publishableCount, publishableGroups, publishableSegment } from '../privacy/published.ts';
import type { AttentionItem, DigestInput, DigestModel, DigestPoll, DigestSuggestion, DigestTheme, Figure, Share } from './model.ts';
import { mergeSmallGroups } from '../privacy/small-groups.ts';
import { addressReasons } from './addressed.ts';
import { alike, neighbours, similarGroups, stems } from './similar.ts';

const DAY_MS = 24 * 3600 * 1000;
/** A poll "closes soon" when it closes within this long after the digest's period. */
export const CLOSING_SOON_MS = 7 * DAY_MS;
/** A suggestion needs a look when at least this many others this week are alike. */
export const SIMILAR_MIN = 3;
/** Examples shown per topic in the overview. */
export const SAMPLES_PER_TOPIC = 3;

function figure(value: number, previous: number | undefined): Figure {
  return { value, delta: previous === undefined ? null : value - previous };
}

/** A participation count: "fewer than k" below the threshold, and no change that would reveal a small previous count. */
function participantsFigure(value: number, previous: number | undefined, k: number): Figure {
  const shown = publishableCount(value, k);
  if (shown.fewerThan !== undefined) return { value: 0, delta: null, fewerThan: shown.fewerThan };
  return figure(value, previous === undefined || publishableCount(previous, k).fewerThan !== undefined ? undefined : previous);
}

/** A breakdown with groups under k merged into "other", in the list's order, "other" and "not given" last. */
function shares(counts: Map<string | null, number>, order: readonly string[], k: number): Share[] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const rank = (s: Share) => (s.other ? Number.MAX_SAFE_INTEGER : s.key === null ? Number.MAX_SAFE_INTEGER - 1 : order.indexOf(s.key) === -1 ? order.length : order.indexOf(s.key));
  return publishableGroups(counts, k)
    .map((g): Share => ({ ...g, share: total && g.fewerThan === undefined ? g.count / total : 0 }))
    .sort((a, b) => rank(a) - rank(b) || String(a.key).localeCompare(String(b.key)));
}

export interface DigestOrder {
  topics: readonly string[];
  areas: readonly string[];
  industries: readonly string[];
  sizes: readonly string[];
  /** The small-group rule's k: no area of a topic with fewer suggestions is named. */
  minGroupSize: number;
}

/** What needs a member: messages to the group, then forming themes, then polls closing soon. */
function attentionOf(input: DigestInput, suggestions: DigestSuggestion[], polls: DigestPoll[]): AttentionItem[] {
  const byId = new Map(suggestions.map((s) => [s.id, s]));
  const oldestFirst = [...suggestions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const items: AttentionItem[] = [];
  for (const suggestion of oldestFirst) {
    const reasons = addressReasons(suggestion.text, suggestion.anonymous);
    if (reasons.length) items.push({ kind: 'addressed', suggestion, reasons });
  }
  for (const group of similarGroups(oldestFirst, SIMILAR_MIN)) {
    items.push({ kind: 'similar', suggestion: byId.get(group.lead)!, similarIds: group.others });
  }
  const horizon = input.period.end.getTime() + CLOSING_SOON_MS;
  for (const p of polls) {
    if (p.closed || !p.closesAt || p.closesAt.getTime() > horizon) continue;
    items.push({ kind: 'closingPoll', pollId: p.id, question: p.question, closesAt: p.closesAt, voters: p.voters });
  }
  return items;
}

/**
 * The topic's examples: those most alike to the rest of the topic (the oldest first among equals),
 * skipping any that says the same as one already picked, so three examples show three things.
 */
function samplesOf(suggestions: DigestSuggestion[]): DigestSuggestion[] {
  const near = neighbours(suggestions);
  const ranked = [...suggestions].sort((a, b) => near.get(b.id)!.length - near.get(a.id)!.length || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const picked: DigestSuggestion[] = [];
  for (const s of ranked) {
    if (picked.length === SAMPLES_PER_TOPIC) break;
    if (picked.some((p) => alike(stems(p.text), stems(s.text)))) continue;
    picked.push(s);
  }
  // A topic of near-copies still gets its examples.
  for (const s of ranked) if (picked.length < Math.min(SAMPLES_PER_TOPIC, ranked.length) && !picked.includes(s)) picked.push(s);
  return picked;
}

export function buildDigest(input: DigestInput, order: DigestOrder): DigestModel {
  const k = order.minGroupSize;
  // A named sender may be known by their company; an anonymous one only by a segment k others share.
  const suggestions = input.suggestions.map((s) => (s.anonymous ? { ...s, segment: publishableSegment(s.segment, input.segmentGroups, k) } : s));
  const byTopic = new Map<string, DigestInput['suggestions']>();
  for (const s of suggestions) {
    const list = byTopic.get(s.topic);
    if (list) list.push(s);
    else byTopic.set(s.topic, [s]);
  }
  const topicRank = (t: string) => (order.topics.includes(t) ? order.topics.indexOf(t) : order.topics.length);
  const topics = [...input.topicCounts.entries()]
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => topicRank(a) - topicRank(b) || a.localeCompare(b))
    .map(([topic, count]) => ({
      topic,
      count,
      suggestions: [...(byTopic.get(topic) ?? [])].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id),
    }));

  const polls = [...input.polls]
    .sort((a, b) => Number(a.closed) - Number(b.closed) || b.voters - a.voters || a.id - b.id)
    .map((p) => {
      const results = pollResults(p, k);
      const voters = publishableCount(p.voters, k);
      // Shares of the people who voted, not of the votes: in multiple choice, 25 of 55 voters is 45 %.
      const of = Math.max(p.voters, ...p.counts, 0);
      return {
        id: p.id,
        question: p.question,
        closed: p.closed,
        everyone: p.everyone,
        multipleChoice: p.multipleChoice,
        closesAt: p.closesAt,
        voters: voters.count,
        ...(voters.fewerThan !== undefined ? { votersFewerThan: voters.fewerThan } : {}),
        ...(results !== 'shown' ? { results } : {}),
        options: results === 'shown' ? p.options.map((label, i) => ({ label, count: p.counts[i] ?? 0, share: of ? (p.counts[i] ?? 0) / of : 0 })) : [],
      };
    });

  const rank = (area: string) => (area === '' ? order.areas.length : order.areas.indexOf(area));
  const themes: DigestTheme[] = topics.map(({ topic, count, suggestions }) => {
    // Areas by size; "not given" (key '') is a group like any other, so it too is merged when small.
    const groups = input.topicAreas
      .filter((a) => a.topic === topic)
      .map((a) => ({ key: a.area ?? '', count: a.count }))
      .sort((a, b) => b.count - a.count || rank(a.key) - rank(b.key));
    const areas = mergeSmallGroups(groups, order.minGroupSize);
    return {
      topic,
      count,
      delta: input.previous ? count - (input.previousTopicCounts.get(topic) ?? 0) : null,
      areas,
      samples: samplesOf(suggestions),
    };
  });

  const { totals, previous } = input;
  return {
    period: input.period,
    totals: {
      suggestions: figure(totals.suggestions, previous?.suggestions),
      votes: figure(totals.votes, previous?.votes),
      participants: participantsFigure(totals.participants, previous?.participants, k),
    },
    attention: attentionOf(input, suggestions, polls),
    themes,
    topics,
    polls,
    participation: {
      byArea: shares(input.participation.byArea, order.areas, k),
      byIndustry: shares(input.participation.byIndustry, order.industries, k),
      bySize: shares(input.participation.bySize, order.sizes, k),
    },
    empty: totals.suggestions === 0 && totals.votes === 0,
  };
}
