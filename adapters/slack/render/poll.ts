import { bar, formatDateTime, percent } from '../../../src/digest/format.ts';
import { catalog, countOf, formatNumber, type Locale } from '../../../src/i18n/index.ts';
import { POLL_BUTTON_OPTIONS_MAX, pollRevision } from '../../../src/domain/poll.ts';
import type { PollView } from '../../../src/usecases/polls.ts';
import { escapeMrkdwn, plain, section, LIMITS } from './text.ts';

export const ACTIONS = {
  vote: 'innspill_vote',
  /** The menu a poll with more than POLL_BUTTON_OPTIONS_MAX options is voted with. */
  voteSelect: 'innspill_vote_select',
  close: 'innspill_poll_close',
  reopen: 'innspill_poll_reopen',
} as const;

export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

/**
 * The poll as everyone in the channel sees it: one vote button per option while it is open,
 * counts when they may be shown, and a close or reopen button (the click is checked: only the
 * creator and members may use it). The same message serves every viewer, so it can be updated
 * once for all of them.
 */
export function renderPollMessage(view: PollView, locale: Locale, timeZone: string): SlackMessage {
  const c = catalog(locale);
  const { poll, tally } = view;
  // Deleted: every copy says so, with nothing left to click.
  if (poll.deletedAt) return { text: c.pollPlans.deletedNotice, blocks: [section(`_${c.pollPlans.deletedNotice}_`)] };
  // Shares are of the people who voted: in multiple choice, of 55 voters 25 is 45 %, whatever the votes.
  const of = tally ? Math.max(view.voters, ...tally.counts) : 0;
  const question = escapeMrkdwn(poll.question);
  // `<poll>:<option>:<revision>`: the click says which question and answers it was drawn for.
  const revision = pollRevision(poll);
  const voteValue = (option: number) => `${poll.id}:${option}:${revision}`;
  const blocks: unknown[] = [section(`*${question}*`)];
  // Up to 10 options, a button beside each; above, one menu under them (a static_select takes 100).
  const menu = poll.options.length > POLL_BUTTON_OPTIONS_MAX;
  poll.options.forEach((option, i) => {
    const count = tally ? tally.counts[i]! : 0;
    const share = of ? count / of : 0;
    const line = tally ? `${escapeMrkdwn(option)}\n\`${bar(share)}\` ${countOf(locale, count, c.summary.nouns.vote)} (${percent(share, locale)})` : escapeMrkdwn(option);
    blocks.push({
      ...section(line),
      block_id: `poll:${poll.id}:option:${i}`,
      ...(view.open && !menu
        ? { accessory: { type: 'button', action_id: `${ACTIONS.vote}_${i}`, value: voteValue(i), text: plain(c.slack.pollVoteButton, LIMITS.buttonText) } }
        : {}),
    });
  });
  if (view.open && menu) {
    blocks.push({
      type: 'actions',
      block_id: `poll:${poll.id}:menu`,
      elements: [
        {
          type: 'static_select',
          action_id: ACTIONS.voteSelect,
          placeholder: plain(c.pollPlans.choosePlaceholder, LIMITS.optionText),
          options: poll.options.map((option, i) => ({ text: plain(option, LIMITS.optionText), value: voteValue(i) })),
        },
      ],
    });
  }
  const notes = [view.open ? c.messages.pollOpen : c.messages.pollClosed, c.messages.pollVoters({ count: formatNumber(locale, view.voters) })];
  if (poll.multipleChoice) notes.push(c.messages.pollMultiple);
  if (poll.anonymous) notes.push(c.messages.pollAnonymous);
  if (!tally) notes.push(c.messages.pollResultsHidden);
  if (poll.closesAt && view.open) notes.push(c.messages.pollClosesAt({ when: formatDateTime(locale, poll.closesAt, timeZone) }));
  if (poll.audience.kind === 'everyone') notes.push(c.messages.pollToEveryone);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(notes.join(' · ')) }] });
  blocks.push({
    type: 'actions',
    block_id: `poll:${poll.id}:admin`,
    elements: [
      view.open
        ? { type: 'button', action_id: ACTIONS.close, value: String(poll.id), text: plain(c.messages.pollClose, LIMITS.buttonText) }
        : { type: 'button', action_id: ACTIONS.reopen, value: String(poll.id), text: plain(c.messages.pollReopen, LIMITS.buttonText) },
    ],
  });
  return { text: question, blocks };
}
