import { bar, formatDate, oneLine, percent, signed } from '../../../src/digest/format.ts';
import type { DigestModel, Figure, Share } from '../../../src/digest/model.ts';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { catalog, formatNumber, label, type Locale } from '../../../src/i18n/index.ts';
import { listBlocks } from './list.ts';
import type { SlackMessage } from './poll.ts';
import { escapeMrkdwn, plain, LIMITS, truncate } from './text.ts';

/**
 * The weekly digest as one Slack message: figures, suggestions by topic, polls with bars and
 * participation by segment, as mrkdwn lines packed within Block Kit's limits. A plain, complete
 * rendering; a richer Block Kit layout can replace it without touching the sender.
 */
export function renderDigestMessage(model: DigestModel, locale: Locale, timeZone: string): SlackMessage {
  const c = catalog(locale).digest;
  const title = c.title({ from: formatDate(locale, model.period.start, timeZone), to: formatDate(locale, model.period.end, timeZone) });
  const figure = (name: string, f: Figure) =>
    `• *${escapeMrkdwn(name)}:* ${formatNumber(locale, f.value)} (${escapeMrkdwn(f.delta === null ? c.noPrevious : c.change({ delta: signed(locale, f.delta) }))})`;
  const shares = (list: 'areas' | 'industries' | 'sizes', items: Share[]) =>
    items.map((s) => `• ${escapeMrkdwn(label(locale, list, s.key))}: ${formatNumber(locale, s.count)} (${percent(s.share)})`);

  const lines = [
    `*${escapeMrkdwn(c.totals)}*`,
    figure(c.newSuggestions, model.totals.suggestions),
    figure(c.votes, model.totals.votes),
    figure(c.participants, model.totals.participants),
  ];
  if (model.empty) lines.push(escapeMrkdwn(c.nothingNew));
  if (model.topics.length) lines.push('', `*${escapeMrkdwn(c.suggestionsByTopic)}*`);
  for (const { topic, count, suggestions } of model.topics) {
    lines.push(`*${escapeMrkdwn(label(locale, 'topics', topic))}* (${formatNumber(locale, count)})`);
    for (const s of suggestions) {
      const who = s.anonymous ? c.anonymous : s.companyName ? oneLine(s.companyName) : null;
      const tags = [who, label(locale, 'areas', s.segment.area), label(locale, 'industries', s.segment.industry), label(locale, 'sizes', s.segment.sizeBand)];
      lines.push(`• *${suggestionRef(s.id)}* ${escapeMrkdwn(truncate(oneLine(s.text), 400))} _(${escapeMrkdwn(tags.filter(Boolean).join(' · '))})_`);
    }
    if (count > suggestions.length) lines.push(`• ${escapeMrkdwn(c.andMore({ count: formatNumber(locale, count - suggestions.length) }))}`);
  }
  if (model.polls.length) lines.push('', `*${escapeMrkdwn(c.polls)}*`);
  for (const p of model.polls) {
    lines.push(`*${escapeMrkdwn(oneLine(p.question))}* (${escapeMrkdwn(p.closed ? c.pollClosed : c.pollOpen)}, ${escapeMrkdwn(c.pollVoters({ count: formatNumber(locale, p.voters) }))})`);
    for (const o of p.options) lines.push(`\`${bar(o.share)}\` ${percent(o.share)} (${formatNumber(locale, o.count)}) ${escapeMrkdwn(oneLine(o.label))}`);
  }
  const { byArea, byIndustry, bySize } = model.participation;
  if (byArea.length || byIndustry.length || bySize.length) {
    lines.push('', `*${escapeMrkdwn(c.participation)}*`);
    lines.push(`_${escapeMrkdwn(c.byArea)}_`, ...shares('areas', byArea));
    lines.push(`_${escapeMrkdwn(c.byIndustry)}_`, ...shares('industries', byIndustry));
    lines.push(`_${escapeMrkdwn(c.bySize)}_`, ...shares('sizes', bySize));
  }
  return {
    text: escapeMrkdwn(title),
    blocks: [{ type: 'header', text: plain(title, LIMITS.header) }, ...listBlocks(lines, LIMITS.messageBlocks - 1, locale)],
  };
}
