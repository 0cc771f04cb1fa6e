import type { Database } from 'better-sqlite3';
import type { PrivacyStore } from '../../src/ports/store.ts';

export function createPrivacyStore(db: Database): PrivacyStore {
  const suggestions = db.prepare<[string]>('DELETE FROM suggestions WHERE sender_key = ?');
  const votes = db.prepare<[string], { poll_id: number; option: number }>('DELETE FROM votes WHERE voter_key = ? RETURNING poll_id, option');
  const decrement = db.prepare<[number, number]>('UPDATE poll_tallies SET votes = votes - 1 WHERE poll_id = ? AND option = ?');
  const dropVoter = db.prepare<[number]>('UPDATE polls SET voters = voters - 1 WHERE id = ?');
  const activity = db.prepare<[string]>('DELETE FROM activity WHERE person_key = ?');
  const profile = db.prepare<[string]>(
    'UPDATE participants SET company_name = NULL, area = NULL, industry = NULL, size_band = NULL WHERE id = ?',
  );
  const forget = db.transaction((id: string, key: string) => {
    const s = suggestions.run(key).changes;
    const removed = votes.all(key);
    for (const r of removed) decrement.run(r.poll_id, r.option);
    for (const pollId of new Set(removed.map((r) => r.poll_id))) dropVoter.run(pollId);
    activity.run(key);
    profile.run(id);
    return { suggestions: s, votes: removed.length };
  });
  return { forget: async (id, key) => forget.immediate(id, key) };
}
