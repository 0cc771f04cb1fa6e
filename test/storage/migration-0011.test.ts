import { describe, expect, it } from 'vitest';
import { migrate } from '../../storage/migrations/index.ts';
import { openDatabase } from '../../storage/open.ts';

describe('migration 11 (survey free text in the follow-up)', () => {
  it('keeps suggestions as they were and dates existing responses by their last change', () => {
    const db = openDatabase(':memory:');
    migrate(db, 10);
    db.exec(`INSERT INTO suggestions (id, workspace_key, sender_key, topic, text, anonymous, publishable, created_at) VALUES (4, 'w', 'k', 'other', 'hei', 0, 1, 1)`);
    db.exec(`INSERT INTO surveys (id, definition, creator_id, created_at) VALUES (1, '{}', 'cli', 1)`);
    db.exec(`INSERT INTO survey_responses (survey_id, respondent_key, answers, complete, updated_at) VALUES (1, 'r', '{}', 1, 1234)`);
    migrate(db);
    expect(db.prepare('SELECT id, survey_id, question_id FROM suggestions').all()).toEqual([{ id: 4, survey_id: null, question_id: null }]);
    expect(db.prepare('SELECT created_at FROM survey_responses').pluck().get()).toBe(1234);
    // One follow-up item per respondent and question.
    const add = db.prepare(`INSERT INTO suggestions (workspace_key, sender_key, topic, text, anonymous, publishable, created_at, survey_id, question_id) VALUES ('w', 'r', 'other', 'x', 1, 1, 2, 1, 'q')`);
    add.run();
    expect(() => add.run()).toThrow(/UNIQUE/);
  });
});
