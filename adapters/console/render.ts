import type { MyData } from '../../src/usecases/participants.ts';
import { bar, formatDate, formatDateTime, oneLine } from '../../src/digest/format.ts';
import { catalog, countOf, formatNumber, label, type Locale } from '../../src/i18n/index.ts';
import { statusText } from '../../src/i18n/status.ts';
import { suggestionRef, type Suggestion } from '../../src/domain/suggestion.ts';
import type { PollView } from '../../src/usecases/polls.ts';
import { reviewTopic } from '../../src/surveys/follow-up.ts';

/** Terminal text for a poll: numbered options, counts when they may be shown, and the viewer's marks. */
export function renderPoll(view: PollView, mine: readonly number[], locale: Locale, timeZone: string): string {
  const c = catalog(locale).messages;
  const { poll, tally } = view;
  if (poll.deletedAt) return catalog(locale).pollPlans.deletedNotice;
  // Shares of the people who voted, as on every other surface.
  const of = tally ? Math.max(view.voters, ...tally.counts) : 0;
  const lines = [`[${poll.id}] ${poll.question}  (${view.open ? c.pollOpen : c.pollClosed})`];
  poll.options.forEach((option, i) => {
    const mark = mine.includes(i) ? '●' : '○';
    const count = tally ? `  ${bar(of ? tally.counts[i]! / of : 0)} ${countOf(locale, tally.counts[i]!, catalog(locale).summary.nouns.vote)}` : '';
    lines.push(`  ${mark} ${i + 1}. ${option}${count}`);
  });
  const notes = [c.pollVoters({ count: formatNumber(locale, view.voters) })];
  if (poll.multipleChoice) notes.push(c.pollMultiple);
  if (poll.anonymous) notes.push(c.pollAnonymous);
  if (!tally) notes.push(c.pollResultsHidden);
  if (poll.closesAt && view.open) notes.push(c.pollClosesAt({ when: formatDateTime(locale, poll.closesAt, timeZone) }));
  lines.push(`  ${notes.join(' · ')}`);
  return lines.join('\n');
}

export function renderMine(
  mine: MyData,
  locale: Locale,
  timeZone: string,
): string {
  const c = catalog(locale).messages;
  if (!mine.suggestions.length && !mine.votes.length) return c.mineNone;
  const lines = [c.mineHeader];
  for (const s of mine.suggestions) {
    lines.push(`  ${c.mineSuggestion({ ref: suggestionRef(s.id), date: formatDate(locale, s.createdAt, timeZone), topic: label(locale, 'topics', s.topic), status: statusText(s, locale) })}`);
    lines.push(`    ${s.text.replace(/\n/g, '\n    ')}`);
    if (s.statusNote) lines.push(`    ${catalog(locale).followUp.mineNote({ note: oneLine(s.statusNote) })}`);
  }
  if (mine.votes.length) {
    lines.push(c.mineVotesHeader);
    for (const v of mine.votes) lines.push(`  ${c.mineVote({ question: v.poll.question, options: v.choices.map((i) => v.poll.options[i]).join(', ') })}`);
  }
  return lines.join('\n');
}

/** One waiting suggestion on one line: `#N  topic  text`, as `moderate list` and `/vurder` print it. */
export function reviewLine(s: Pick<Suggestion, 'id' | 'topic' | 'text' | 'topicProposed' | 'survey'>, topic: string, locale: Locale): string {
  return `${suggestionRef(s.id)}  ${reviewTopic(locale, s, topic)}  ${oneLine(s.text)}`;
}
