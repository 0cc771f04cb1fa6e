import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../storage/index.ts';

// That a deleted suggestion's number is never given out again is in the storage contract (test/contract/privacy.test.ts).
describe('suggestion numbers', () => {
  it('keep their rows, indexes and the replies that point at them through the migration', () => {
    const db = openDatabase(':memory:');
    migrate(db, 3);
    db.exec(`INSERT INTO suggestions (id, workspace_key, sender_key, topic, text, anonymous, publishable, created_at) VALUES (7, 'w', 'k', 'other', 'hei', 0, 0, 1)`);
    db.exec(`INSERT INTO replies (suggestion_id, member_id, text, created_at) VALUES (7, 'slack:T1:M1', 'takk', 2)`);
    const indexesBefore = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'suggestions' AND sql IS NOT NULL ORDER BY name").pluck().all();
    migrate(db);
    // The rebuild (0005) keeps every index; the follow-up (0008) adds one for status changes, and
    // survey free text in the follow-up (0009) one for finding a response's answers.
    expect(db.prepare('SELECT id, text FROM suggestions').all()).toEqual([{ id: 7, text: 'hei' }]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'suggestions' AND sql IS NOT NULL ORDER BY name").pluck().all()).toEqual([...indexesBefore, 'suggestions_progress_at', 'suggestions_survey_answer'].sort());
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'suggestions'").pluck().get()).toContain('AUTOINCREMENT');
    expect(db.prepare('SELECT suggestion_id FROM replies').pluck().all()).toEqual([7]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
