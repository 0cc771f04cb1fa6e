import type { MyData } from '../../../src/usecases/participants.ts';
import { formatDate, oneLine } from '../../../src/digest/format.ts';
import { catalog, label, type Locale } from '../../../src/i18n/index.ts';
import { suggestionRef, type Suggestion } from '../../../src/domain/suggestion.ts';
import { listBlocks } from './list.ts';
import { statusText } from '../../../src/i18n/status.ts';
import { answerActions } from './follow-up.ts';
import type { SlackMessage } from './poll.ts';
import { escapeMrkdwn, plain, section, LIMITS, truncate } from './text.ts';

export const MESSAGE_ACTIONS = {
  deleteConfirm: 'innspill_delete_confirm',
  deleteCancel: 'innspill_delete_cancel',
} as const;

export const COMMAND = '/innspill';
export const POLL_COMMAND = '/poll';

/** A plain sentence as a message, escaped: our own texts hold `<tekst>` and user text alike. */
export function textMessage(text: string): SlackMessage {
  const escaped = escapeMrkdwn(text);
  return { text: truncate(escaped, LIMITS.text), blocks: [section(escaped)] };
}

/** What `ack()` sends back to a slash command: visible to the sender only. */
export const ephemeral = (message: SlackMessage) => ({ response_type: 'ephemeral' as const, ...message });

export function helpMessage(locale: Locale): SlackMessage {
  return textMessage(catalog(locale).messages.help({ cmd: COMMAND, poll: POLL_COMMAND }));
}

function suggestionLine(s: Suggestion, locale: Locale, timeZone: string): string {
  const m = catalog(locale).messages;
  const head = m.mineSuggestion({
    ref: suggestionRef(s.id),
    date: formatDate(locale, s.createdAt, timeZone),
    topic: label(locale, 'topics', s.topic),
    status: statusText(s, locale),
  });
  const note = s.statusNote ? ` _${escapeMrkdwn(catalog(locale).followUp.mineNote({ note: truncate(oneLine(s.statusNote), 300) }))}_` : '';
  return `*${escapeMrkdwn(head)}* ${escapeMrkdwn(truncate(oneLine(s.text), 200))}${note}`;
}

export function suggestionLines(suggestions: Suggestion[], locale: Locale, timeZone: string): string[] {
  return suggestions.map((s) => `• ${suggestionLine(s, locale, timeZone)}`);
}

export function mineMessage(
  mine: MyData,
  locale: Locale,
  timeZone: string,
): SlackMessage {
  const m = catalog(locale).messages;
  if (!mine.suggestions.length && !mine.votes.length) return textMessage(m.mineNone);
  const lines = [`*${escapeMrkdwn(m.mineHeader)}*`, ...suggestionLines(mine.suggestions, locale, timeZone)];
  if (mine.votes.length) {
    lines.push(`*${escapeMrkdwn(m.mineVotesHeader)}*`);
    for (const v of mine.votes) {
      lines.push(`• ${escapeMrkdwn(m.mineVote({ question: oneLine(v.poll.question), options: v.choices.map((i) => v.poll.options[i]).join(', ') }))}`);
    }
  }
  return { text: escapeMrkdwn(m.mineHeader), blocks: listBlocks(lines, LIMITS.messageBlocks, locale) };
}

export function deleteConfirmMessage(locale: Locale): SlackMessage {
  const m = catalog(locale).messages;
  return {
    text: escapeMrkdwn(m.deleteConfirmQuestion),
    blocks: [
      section(escapeMrkdwn(m.deleteConfirmQuestion)),
      {
        type: 'actions',
        block_id: 'innspill_delete',
        elements: [
          { type: 'button', style: 'danger', action_id: MESSAGE_ACTIONS.deleteConfirm, value: 'delete', text: plain(m.deleteConfirmButton, LIMITS.buttonText) },
          { type: 'button', action_id: MESSAGE_ACTIONS.deleteCancel, value: 'cancel', text: plain(m.deleteCancelButton, LIMITS.buttonText) },
        ],
      },
    ],
  };
}

/** A project member's reply to a suggestion, relayed to its sender. Both texts are escaped. */
export function replyMessage(locale: Locale, suggestionId: number, text: string): SlackMessage {
  const head = catalog(locale).slack.replyFromGroup({ ref: suggestionRef(suggestionId) });
  const quoted = escapeMrkdwn(text).split('\n').map((l) => `>${l}`).join('\n');
  return { text: escapeMrkdwn(head), blocks: [section(escapeMrkdwn(head)), section(quoted), answerActions(locale, suggestionId)] };
}
