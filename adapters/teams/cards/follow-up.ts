import { ANSWER_MAX, HIDE_REASON_MAX, PROGRESS_STATUSES, STATUS_NOTE_MAX, type Progress } from '../../../src/domain/follow-up.ts';
import { suggestionRef, type Suggestion } from '../../../src/domain/suggestion.ts';
import { catalog, label as listLabel, type Locale } from '../../../src/i18n/index.ts';
import { adaptiveCard, choiceSet, execute, label, plain, problem, run, type AdaptiveCard, type Element } from './elements.ts';
import { VERBS } from './forms.ts';
import type { Section } from './pack.ts';
import type { DigestModel, DigestSuggestion } from '../../../src/digest/model.ts';
import { oneLine } from '../../../src/digest/format.ts';
import { suggestionTags } from '../../../src/digest/phrases.ts';
import { reviewTopic } from '../../../src/surveys/follow-up.ts';

/** The follow-up loop's verbs; the data always carries `suggestionId`. */
export const FOLLOW_UP_VERBS = {
  approve: 'review.approve',
  hide: 'review.hide',
  status: 'review.status',
  answer: 'answer.send',
} as const;

/** Inputs are named per suggestion, since one card holds the whole queue and submits every input. */
export const fieldOf = (field: 'reason' | 'status' | 'note' | 'topic', suggestionId: number) => `${field}-${suggestionId}`;

/**
 * The members' review queue: each waiting suggestion (user text in TextRuns only), with a reason to
 * hide it, a status with its public note, a topic to move it to, and Approve, Hide and Set status.
 */
export function reviewCard(locale: Locale, queue: readonly Suggestion[], topics: readonly string[], notice?: { text: string; error?: boolean }): AdaptiveCard {
  const f = catalog(locale).followUp;
  const body: Element[] = [label(f.queueTitle, { heading: true })];
  if (notice) body.push(notice.error ? problem(notice.text) : plain([run(notice.text, { color: 'Good' })]));
  if (!queue.length) body.push(label(f.queueEmpty));
  for (const s of queue) {
    const topic = reviewTopic(locale, s, listLabel(locale, 'topics', s.topic));
    body.push({
      type: 'Container',
      separator: true,
      items: [
        plain([run(f.queueItem({ ref: suggestionRef(s.id), topic }), { weight: 'Bolder' })]),
        plain([run(s.text)]),
        { type: 'Input.Text', id: fieldOf('reason', s.id), label: f.reasonLabel, maxLength: HIDE_REASON_MAX },
        choiceSet(fieldOf('status', s.id), f.statusLabel, PROGRESS_STATUSES.map((p) => ({ title: f.progress[p], value: p })), s.progress),
        { type: 'Input.Text', id: fieldOf('note', s.id), label: f.noteLabel, maxLength: STATUS_NOTE_MAX, ...(s.statusNote ? { value: s.statusNote } : {}) },
        choiceSet(fieldOf('topic', s.id), f.topicLabel, topics.map((t) => ({ title: listLabel(locale, 'topics', t), value: t })), topics.includes(s.topic) ? s.topic : undefined),
        {
          type: 'ActionSet',
          actions: [
            execute(f.approveButton, FOLLOW_UP_VERBS.approve, { suggestionId: s.id }, 'positive'),
            execute(f.hideButton, FOLLOW_UP_VERBS.hide, { suggestionId: s.id }, 'destructive'),
            execute(f.statusTitle, FOLLOW_UP_VERBS.status, { suggestionId: s.id }),
          ],
        },
      ],
    });
  }
  return adaptiveCard(body);
}

/** The answer field under a status notice or a reply, so the sender answers right there. */
function answerField(locale: Locale, suggestionId: number, text?: string, error?: string): { body: Element[]; actions: Element[] } {
  const f = catalog(locale).followUp;
  return {
    body: [
      ...(error ? [problem(error)] : []),
      label(f.answerHint, { subtle: true }),
      { type: 'Input.Text', id: 'text', label: f.answerLabel, isMultiline: true, maxLength: ANSWER_MAX, ...(text ? { value: text } : {}) },
    ],
    actions: [execute(f.answerButton, FOLLOW_UP_VERBS.answer, { suggestionId }, 'positive')],
  };
}

/** A status change, to the sender; the members' note is quoted as plain text. */
export function statusCard(locale: Locale, suggestionId: number, progress: Progress, note: string | null, answer?: { text?: string; error?: string }): AdaptiveCard {
  const f = catalog(locale).followUp;
  const field = answerField(locale, suggestionId, answer?.text, answer?.error);
  return adaptiveCard(
    [
      plain([run(f.statusNotice({ ref: suggestionRef(suggestionId), status: f.progress[progress] }), { weight: 'Bolder' })]),
      ...(note ? [plain([run(f.statusNoticeNote({ note }))])] : []),
      ...field.body,
    ],
    field.actions,
  );
}

/** A member's reply, to the sender, with the same answer field. */
export function replyCard(locale: Locale, suggestionId: number, text: string, answer?: { text?: string; error?: string }): AdaptiveCard {
  const field = answerField(locale, suggestionId, answer?.text, answer?.error);
  return adaptiveCard([plain([run(catalog(locale).slack.replyFromGroup({ ref: suggestionRef(suggestionId) }), { weight: 'Bolder' })]), plain([run(text)]), ...field.body], field.actions);
}

/** The sender's answer, to the member, with the digest's Reply button so the talk can go on. */
export function answerCard(locale: Locale, suggestionId: number, text: string): AdaptiveCard {
  const f = catalog(locale).followUp;
  return adaptiveCard(
    [plain([run(f.answerReceived({ ref: suggestionRef(suggestionId) }), { weight: 'Bolder' })]), plain([run(text)])],
    [execute(catalog(locale).teams.replySend, VERBS.digestReply, { suggestionId })],
  );
}

/**
 * A suggestion waiting for review in the digest's "needs you": its text (TextRuns only) and tags,
 * with the queue's own Approve and Hide, so one click does it; the answer is the queue card, where a
 * reason can be given and the rest worked through.
 */
export function reviewAttention(locale: Locale, s: DigestSuggestion): Element {
  const f = catalog(locale).followUp;
  return {
    type: 'Container',
    separator: true,
    items: [
      plain([run(`${suggestionRef(s.id)} `, { weight: 'Bolder' }), run(oneLine(s.text))]),
      plain([run(`${suggestionTags(locale, s)} – ${f.reviewNote}`, { subtle: true, size: 'Small' })], { spacing: 'None' }),
      {
        type: 'ActionSet',
        actions: [execute(f.approveButton, FOLLOW_UP_VERBS.approve, { suggestionId: s.id }, 'positive'), execute(f.hideButton, FOLLOW_UP_VERBS.hide, { suggestionId: s.id }, 'destructive')],
      },
    ],
  };
}

/** How many wait for review in all: under "needs you", which lists the oldest. */
export function waitingLine(model: DigestModel, locale: Locale): Element[] {
  const count = model.followUp?.waitingCount ?? 0;
  return count ? [label(catalog(locale).followUp.digestWaiting({ count }), { subtle: true })] : [];
}

/** What changed status in the period (notes in TextRuns). */
export function statusChangeSections(model: DigestModel, locale: Locale): Section[] {
  const f = catalog(locale).followUp;
  const changed = model.followUp?.changed ?? [];
  if (!changed.length) return [];
  return [
    {
      heading: [label(f.digestStatusChanges, { heading: true })],
      items: changed.map((c) => plain([run(`${suggestionRef(c.id)}: ${f.progress[c.progress]}`, { weight: 'Bolder' }), ...(c.note ? [run(` – ${c.note}`)] : [])])),
    },
  ];
}
