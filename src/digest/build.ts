import { pollResults, publishableCount, publishableGroups, publishableSegment } from '../privacy/published.ts';
import type { DigestInput, DigestModel, Figure, Share } from './model.ts';

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
}

/**
 * One period's digest as data, with no rendering in it: the Markdown preview, Block Kit and the
 * Adaptive Card all draw the same model, so they never disagree on a figure.
 */
export function buildDigest(input: DigestInput, order: DigestOrder, minGroupSize: number): DigestModel {
  const k = minGroupSize;
  const byTopic = new Map<string, DigestInput['suggestions']>();
  for (const raw of input.suggestions) {
    // A named sender may be known by their company; an anonymous one only by a segment k others share.
    const s = raw.anonymous ? { ...raw, segment: publishableSegment(raw.segment, input.segmentGroups, k) } : raw;
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
      const total = p.counts.reduce((a, b) => a + b, 0);
      const results = pollResults(p, k);
      const voters = publishableCount(p.voters, k);
      return {
        id: p.id,
        question: p.question,
        closed: p.closed,
        everyone: p.everyone,
        voters: voters.count,
        ...(voters.fewerThan !== undefined ? { votersFewerThan: voters.fewerThan } : {}),
        ...(results !== 'shown' ? { results } : {}),
        options:
          results === 'shown' ? p.options.map((label, i) => ({ label, count: p.counts[i] ?? 0, share: total ? (p.counts[i] ?? 0) / total : 0 })) : [],
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
