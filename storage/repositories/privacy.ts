import type { Database } from 'better-sqlite3';
import type { PrivacyStore } from '../../src/ports/store.ts';

export function createPrivacyStore(db: Database): PrivacyStore {
  const suggestions = db.prepare<[string]>('DELETE FROM suggestions WHERE sender_key = ?');
  const votes = db.prepare<[string]>('DELETE FROM votes WHERE voter_key = ?');
  const profile = db.prepare<[string]>(
    'UPDATE participants SET company_name = NULL, area = NULL, industry = NULL, size_band = NULL WHERE id = ?',
  );
  const forget = db.transaction((id: string, key: string) => {
    const s = suggestions.run(key).changes;
    const v = votes.run(key).changes;
    profile.run(id);
    return { suggestions: s, votes: v };
  });
  return { forget: async (id, key) => forget.immediate(id, key) };
}
