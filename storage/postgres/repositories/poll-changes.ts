import type { Conn } from '../pool.ts';
import { lockPoll } from './polls.ts';

/**
 * A poll's edit and delete on the caller's transaction (the unit of work's), so what is queued with
 * them (the messages' refresh) commits or fails with them. Each takes the poll's exclusive lock
 * first: it waits for votes being decided, and no vote is decided on a poll being rewritten.
 */
export async function editPollTexts(c: Conn, pollId: number, question: string, options: string[]): Promise<boolean> {
  await lockPoll(c, pollId, 'exclusive');
  // `voters = 0` in the same statement: a vote committed first makes the edit change nothing.
  return (await c.run('UPDATE polls SET question = $1, options = $2 WHERE id = $3 AND voters = 0 AND deleted_at IS NULL', [question, JSON.stringify(options), pollId])) > 0;
}

export async function removePoll(c: Conn, pollId: number, now: Date): Promise<boolean> {
  await lockPoll(c, pollId, 'exclusive');
  const marked = await c.run(
    "UPDATE polls SET deleted_at = $1, closed_at = coalesce(closed_at, $1), question = '', options = '[]', voters = 0 WHERE id = $2 AND deleted_at IS NULL",
    [now.getTime(), pollId],
  );
  if (marked === 0) return false;
  await c.run('DELETE FROM votes WHERE poll_id = $1', [pollId]);
  await c.run('DELETE FROM poll_tallies WHERE poll_id = $1', [pollId]);
  await c.run("DELETE FROM outbox WHERE status = 'pending' AND payload::jsonb->>'type' = 'poll' AND (payload::jsonb->>'pollId')::bigint = $1", [pollId]);
  await c.run('UPDATE poll_series SET next_at = NULL WHERE id = (SELECT series_id FROM polls WHERE id = $1)', [pollId]);
  return true;
}
