import type { Database } from 'better-sqlite3';

/**
 * A poll's edit and delete, run at the call on the caller's transaction (the unit of work's): what
 * is queued with them (the messages' refresh) commits or fails with them.
 */
export function pollChanges(db: Database) {
  // `voters = 0` in the same statement: a vote committed first makes the edit change nothing.
  const editTexts = db.prepare<[string, string, number]>('UPDATE polls SET question = ?, options = ? WHERE id = ? AND voters = 0 AND deleted_at IS NULL');
  const markDeleted = db.prepare<[number, number, number]>(
    "UPDATE polls SET deleted_at = ?, closed_at = coalesce(closed_at, ?), question = '', options = '[]', voters = 0 WHERE id = ? AND deleted_at IS NULL",
  );
  const dropVotes = db.prepare<[number]>('DELETE FROM votes WHERE poll_id = ?');
  const dropTallies = db.prepare<[number]>('DELETE FROM poll_tallies WHERE poll_id = ?');
  const dropPosts = db.prepare<[number]>(
    "DELETE FROM outbox WHERE status = 'pending' AND json_extract(payload, '$.type') = 'poll' AND json_extract(payload, '$.pollId') = ?",
  );
  const stopSeries = db.prepare<[number]>('UPDATE poll_series SET next_at = NULL WHERE id = (SELECT series_id FROM polls WHERE id = ?)');
  return {
    edit: (pollId: number, question: string, options: string[]) => editTexts.run(question, JSON.stringify(options), pollId).changes > 0,
    remove(pollId: number, now: Date): boolean {
      if (markDeleted.run(now.getTime(), now.getTime(), pollId).changes === 0) return false;
      dropVotes.run(pollId);
      dropTallies.run(pollId);
      dropPosts.run(pollId);
      stopSeries.run(pollId);
      return true;
    },
  };
}
