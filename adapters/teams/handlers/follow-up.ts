import * as z from 'zod';
import { parseProgress } from '../../../src/domain/follow-up.ts';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { catalog, label } from '../../../src/i18n/index.ts';
import { doneCard } from '../cards/forms.ts';
import { fieldOf, FOLLOW_UP_VERBS, reviewCard, statusCard } from '../cards/follow-up.ts';
import type { Reply } from '../reply.ts';
import { replySubmission, suggestionRefData } from '../submissions.ts';
import { explain, type Turn } from './turn.ts';

const inputs = z.record(z.string(), z.unknown());
const field = (value: unknown, name: string): string => {
  const v = inputs.safeParse(value);
  const raw = v.success ? v.data[name] : undefined;
  return typeof raw === 'string' ? raw.slice(0, 20_000) : '';
};

/** `innspill vurder` / `review`: the queue as a card; a non-member is told in their language. */
export async function reviewQueueReply(turn: Turn, notice?: { text: string; error?: boolean }): Promise<Reply> {
  try {
    return { card: reviewCard(turn.locale, await turn.core.reviewQueue(turn.actor), turn.core.settings.topics, notice) };
  } catch (error) {
    return { text: explain(turn, error) };
  }
}

/**
 * Approve, hide or set status from the queue card: the answer is the queue again, with what happened
 * (or why not) on top, so a member works down the list in one card.
 */
export async function reviewAction(turn: Turn, verb: string, value: unknown): Promise<Reply> {
  const ref = suggestionRefData.safeParse(value);
  if (!ref.success) return { text: catalog(turn.locale).teams.staleCard };
  const id = ref.data.suggestionId;
  const f = catalog(turn.locale).followUp;
  const { core, actor } = turn;
  let text: string;
  try {
    if (verb === FOLLOW_UP_VERBS.approve) {
      await core.approve(actor, id);
      text = f.approved({ ref: suggestionRef(id) });
    } else if (verb === FOLLOW_UP_VERBS.hide) {
      await core.hide(actor, id, field(value, fieldOf('reason', id)));
      text = f.hidden({ ref: suggestionRef(id) });
    } else {
      const before = await core.suggestionFor(actor, id);
      const topic = field(value, fieldOf('topic', id));
      const lines: string[] = [];
      if (topic && topic !== before.topic) {
        await core.moveTopic(actor, id, topic);
        lines.push(f.topicMoved({ ref: suggestionRef(id), topic: label(turn.locale, 'topics', topic) }));
      }
      const progress = parseProgress(field(value, fieldOf('status', id)) || before.progress);
      const note = field(value, fieldOf('note', id));
      if (progress !== before.progress || note.trim() !== (before.statusNote ?? '')) {
        const { notified } = await core.setStatus(actor, id, progress, note);
        lines.unshift((notified ? f.statusSetNotified : f.statusSet)({ ref: suggestionRef(id), status: f.progress[progress] }));
      }
      text = lines.join('\n') || f.statusSet({ ref: suggestionRef(id), status: f.progress[progress] });
    }
  } catch (error) {
    return reviewQueueReply(turn, { text: explain(turn, error), error: true });
  }
  return reviewQueueReply(turn, { text });
}

/**
 * The sender's answer from a status notice or a reply card. It reaches the member who spoke last,
 * through the outbox; a refusal keeps the card with what they wrote.
 */
export async function sendAnswer(turn: Turn, value: unknown): Promise<Reply> {
  const { locale } = turn;
  const parsed = replySubmission.safeParse(value);
  if (!parsed.success) return { text: catalog(locale).teams.staleCard };
  const { suggestionId, text } = parsed.data;
  try {
    await turn.core.answerMember(turn.actor, suggestionId, text, turn.cardMessageId ? { dedupeKey: `teams:${turn.cardMessageId}` } : {});
    return { card: doneCard(catalog(locale).followUp.answerSent({ ref: suggestionRef(suggestionId) })) };
  } catch (error) {
    const error_ = explain(turn, error);
    // The sender's own suggestion, so showing its status again tells them nothing new.
    const mine = (await turn.core.mine(turn.actor)).suggestions.find((s) => s.id === suggestionId);
    return mine ? { card: statusCard(locale, suggestionId, mine.progress, mine.statusNote, { text, error: error_ }) } : { text: error_ };
  }
}
