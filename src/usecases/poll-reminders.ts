import { isPollOpen } from '../domain/poll.ts';
import type { CoreDeps } from './context.ts';

export type PollReminderDecision = { send: true } | { send: false; reason: 'poll_gone' | 'closed' | 'voted' | 'opted_out' };

/**
 * Decided when a poll reminder is due, not when it was queued, as survey reminders are: nothing once
 * the poll closed or was deleted, nothing to someone who turned survey and poll messages off
 * (`/innspill stopp`), and nothing to someone who has voted (found by their pseudonym in this poll).
 */
export async function pollReminder(deps: CoreDeps, payload: { pollId: number; participantId: string }): Promise<PollReminderDecision> {
  const poll = await deps.store.polls.get(payload.pollId);
  if (!poll || poll.deletedAt) return { send: false, reason: 'poll_gone' };
  if (!isPollOpen(poll, deps.clock())) return { send: false, reason: 'closed' };
  if (await deps.store.surveys.isOptedOut(deps.vault.optOutKey(payload.participantId))) return { send: false, reason: 'opted_out' };
  const choices = await deps.store.polls.choices(payload.pollId, deps.vault.voterKey(payload.pollId, payload.participantId));
  return choices.length ? { send: false, reason: 'voted' } : { send: true };
}
