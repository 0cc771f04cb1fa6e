import type { DigestInput, DigestModel, Figure, Share } from './model.ts';

function figure(value: number, previous: number | undefined): Figure {
  return { value, delta: previous === undefined ? null : value - previous };
}

function shares(counts: Map<string | null, number>, order: readonly string[]): Share[] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const rank = (key: string | null) => (key === null ? Number.MAX_SAFE_INTEGER : order.indexOf(key) === -1 ? order.length : order.indexOf(key));
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || String(a).localeCompare(String(b)))
    .map(([key, count]) => ({ key, count, share: total ? count / total : 0 }));
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
export function buildDigest(input: DigestInput, order: DigestOrder): DigestModel {
  const byTopic = new Map<string, DigestInput['suggestions']>();
  for (const s of input.suggestions) {
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
      return {
        id: p.id,
        question: p.question,
        closed: p.closed,
        everyone: p.everyone,
        voters: p.voters,
        options: p.options.map((label, i) => ({ label, count: p.counts[i] ?? 0, share: total ? (p.counts[i] ?? 0) / total : 0 })),
      };
    });

  const { totals, previous } = input;
  return {
    period: input.period,
    totals: {
      suggestions: figure(totals.suggestions, previous?.suggestions),
      votes: figure(totals.votes, previous?.votes),
      participants: figure(totals.participants, previous?.participants),
    },
    topics,
    polls,
    participation: {
      byArea: shares(input.participation.byArea, order.areas),
      byIndustry: shares(input.participation.byIndustry, order.industries),
      bySize: shares(input.participation.bySize, order.sizes),
    },
    empty: totals.suggestions === 0 && totals.votes === 0,
  };
}
