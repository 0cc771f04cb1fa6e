import { ANSWER_MAX, HIDE_REASON_MAX, PROGRESS_STATUSES, STATUS_NOTE_MAX, type Progress } from '../../../src/domain/follow-up.ts';
import { oneLine } from '../../../src/digest/format.ts';
import { suggestionRef, type Suggestion } from '../../../src/domain/suggestion.ts';
import { catalog, describeError, label, type Locale } from '../../../src/i18n/index.ts';
import type { Innspill } from '../../../src/innspill.ts';
import type { Actor } from '../../../src/domain/participant.ts';
import { textMessage } from './messages.ts';
import { DIGEST_ACTIONS } from './digest.ts';
import { VALUE } from './modals.ts';
import type { SlackMessage } from './poll.ts';
import type { DigestModel, DigestSuggestion } from '../../../src/digest/model.ts';
import { suggestionTags } from '../../../src/digest/phrases.ts';
import { escapeMrkdwn, escapedWithin, LIMITS, plain, section } from './text.ts';
import { reviewTopic } from '../../../src/surveys/follow-up.ts';

export const FOLLOW_UP_ACTIONS = {
  approve: 'innspill_review_approve',
  hide: 'innspill_review_hide',
  status: 'innspill_review_status',
  answer: 'innspill_answer_member',
} as const;

export const FOLLOW_UP_VIEWS = {
  hide: 'innspill_hide',
  status: 'innspill_status',
  answer: 'innspill_answer',
} as const;

const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger') => ({
  type: 'button',
  action_id: actionId,
  value,
  text: plain(text, LIMITS.buttonText),
  ...(style ? { style } : {}),
});

/** The members' review queue, for App Home: one section and one row of buttons per suggestion. */
export function reviewBlocks(queue: readonly Suggestion[], locale: Locale): unknown[] {
  const f = catalog(locale).followUp;
  const blocks: unknown[] = [{ type: 'header', text: plain(f.queueTitle, LIMITS.header) }];
  if (!queue.length) return [...blocks, section(escapeMrkdwn(f.queueEmpty))];
  for (const s of queue) {
    const topic = reviewTopic(locale, s, label(locale, 'topics', s.topic));
    blocks.push(section(`*${escapeMrkdwn(f.queueItem({ ref: suggestionRef(s.id), topic }))}*\n${escapedWithin(oneLine(s.text), 2500)}`));
    blocks.push({
      type: 'actions',
      block_id: `review_${s.id}`,
      elements: [
        button(f.approveButton, FOLLOW_UP_ACTIONS.approve, String(s.id), 'primary'),
        button(f.hideButton, FOLLOW_UP_ACTIONS.hide, String(s.id), 'danger'),
        button(f.statusTitle, FOLLOW_UP_ACTIONS.status, String(s.id)),
      ],
    });
  }
  return blocks;
}

/**
 * `/innspill vurder`: the queue as an ephemeral message with the same buttons as App Home; a
 * non-member gets the refusal in their language.
 */
export async function reviewMessage(core: Innspill, actor: Actor): Promise<SlackMessage> {
  try {
    const queue = await core.reviewQueue(actor);
    return { text: escapeMrkdwn(catalog(actor.locale).followUp.queueTitle), blocks: reviewBlocks(queue.slice(0, 20), actor.locale) };
  } catch (error) {
    return textMessage(describeError(actor.locale, error));
  }
}

/** A status change, to the sender, with a button to answer the project group. The note is escaped. */
export function statusMessage(locale: Locale, suggestionId: number, progress: Progress, note: string | null): SlackMessage {
  const f = catalog(locale).followUp;
  const head = escapeMrkdwn(f.statusNotice({ ref: suggestionRef(suggestionId), status: f.progress[progress] }));
  const blocks: unknown[] = [section(head)];
  if (note) blocks.push(section(escapeMrkdwn(f.statusNoticeNote({ note }))));
  blocks.push(answerActions(locale, suggestionId));
  return { text: head, blocks };
}

/** The row under a member's reply or a status notice that lets the sender answer. */
export function answerActions(locale: Locale, suggestionId: number) {
  return { type: 'actions', block_id: 'innspill_answer', elements: [button(catalog(locale).followUp.answerButton, FOLLOW_UP_ACTIONS.answer, String(suggestionId))] };
}

/** The sender's answer, to the member, with the digest's Reply button so the talk can go on. */
export function answerMessage(locale: Locale, suggestionId: number, text: string): SlackMessage {
  const head = escapeMrkdwn(catalog(locale).followUp.answerReceived({ ref: suggestionRef(suggestionId) }));
  const quoted = escapeMrkdwn(text).split('\n').map((l) => `>${l}`).join('\n');
  return {
    text: head,
    blocks: [
      section(head),
      section(quoted),
      { type: 'actions', block_id: 'innspill_reply', elements: [button(catalog(locale).slack.replySend, DIGEST_ACTIONS.reply, String(suggestionId))] },
    ],
  };
}

function textModal(callbackId: string, heading: string, submit: string, locale: Locale, fieldLabel: string, max: number, optional: boolean, suggestionId: number, extra: unknown[] = []) {
  const c = catalog(locale);
  return {
    type: 'modal' as const,
    callback_id: callbackId,
    title: plain(heading, LIMITS.modalTitle),
    submit: plain(submit, LIMITS.modalTitle),
    close: plain(c.forms.cancel, LIMITS.modalTitle),
    private_metadata: JSON.stringify({ suggestionId }),
    blocks: [
      section(`*${escapeMrkdwn(suggestionRef(suggestionId))}*`),
      ...extra,
      { type: 'input', block_id: 'text', optional, label: plain(fieldLabel), element: { type: 'plain_text_input', action_id: VALUE, multiline: true, max_length: max } },
    ],
  };
}

export function hideModal(locale: Locale, suggestionId: number) {
  const f = catalog(locale).followUp;
  return textModal(FOLLOW_UP_VIEWS.hide, f.hideTitle, f.hideButton, locale, f.reasonLabel, HIDE_REASON_MAX, true, suggestionId);
}

export function answerModal(locale: Locale, suggestionId: number) {
  const f = catalog(locale).followUp;
  return textModal(FOLLOW_UP_VIEWS.answer, f.answerTitle, catalog(locale).slack.replySend, locale, f.answerLabel, ANSWER_MAX, false, suggestionId);
}

/** Status with its public note, and the topic to move it to (the proposed one preselected). */
export function statusModal(locale: Locale, suggestion: Pick<Suggestion, 'id' | 'progress' | 'topic'>, topics: readonly string[]) {
  const f = catalog(locale).followUp;
  const statusOption = (p: Progress) => ({ text: plain(f.progress[p], LIMITS.optionText), value: p });
  const topicOption = (t: string) => ({ text: plain(label(locale, 'topics', t), LIMITS.optionText), value: t });
  const select = (block: string, name: string, options: unknown[], initial: unknown, optional: boolean) => ({
    type: 'input',
    block_id: block,
    optional,
    label: plain(name),
    element: { type: 'static_select', action_id: VALUE, options, ...(initial ? { initial_option: initial } : {}) },
  });
  return textModal(FOLLOW_UP_VIEWS.status, f.statusTitle, catalog(locale).forms.save, locale, f.noteLabel, STATUS_NOTE_MAX, true, suggestion.id, [
    select('status', f.statusLabel, PROGRESS_STATUSES.map(statusOption), statusOption(suggestion.progress), false),
    // A topic no longer configured is left as it is unless the member picks another.
    select('topic', f.topicLabel, topics.map(topicOption), topics.includes(suggestion.topic) ? topicOption(suggestion.topic) : null, true),
  ]);
}

/**
 * A suggestion waiting for review in the digest's "needs you": its text and tags, and the queue's
 * own Approve and Hide (which opens the reason form), so one click does it.
 */
export function reviewAttention(locale: Locale, s: DigestSuggestion): Record<string, unknown>[] {
  const f = catalog(locale).followUp;
  return [
    section(`*${suggestionRef(s.id)}* ${escapedWithin(oneLine(s.text), 600)}\n_${escapeMrkdwn(`${suggestionTags(locale, s)} – ${f.reviewNote}`)}_`),
    {
      type: 'actions',
      block_id: `review_${s.id}`,
      elements: [button(f.approveButton, FOLLOW_UP_ACTIONS.approve, String(s.id), 'primary'), button(f.hideButton, FOLLOW_UP_ACTIONS.hide, String(s.id), 'danger')],
    },
  ];
}

/** How many wait for review in all (escaped mrkdwn), or null when none do. */
export function waitingText(model: DigestModel, locale: Locale): string | null {
  const count = model.followUp?.waitingCount ?? 0;
  return count ? escapeMrkdwn(catalog(locale).followUp.digestWaiting({ count })) : null;
}

/** What changed status in the period as one mrkdwn text (notes escaped), or null. */
export function statusChangesText(model: DigestModel, locale: Locale): string | null {
  const f = catalog(locale).followUp;
  const changed = model.followUp?.changed ?? [];
  if (!changed.length) return null;
  const lines = changed.map((c) => `• ${suggestionRef(c.id)}: ${escapeMrkdwn(f.progress[c.progress])}${c.note ? ` – ${escapedWithin(oneLine(c.note), 200)}` : ''}`);
  return [`*${escapeMrkdwn(f.digestStatusChanges)}*`, ...lines].join('\n');
}
