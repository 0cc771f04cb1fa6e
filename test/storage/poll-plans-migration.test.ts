import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../storage/index.ts';
import { useTmpDir } from '../helpers/tmp.ts';

describe('migration 12 (poll plans)', () => {
  const tmp = useTmpDir();

  it('keeps every vote and its indexes, and lets a vote reach option 25', () => {
    const db = openDatabase(join(tmp(), 'v8.db'));
    migrate(db, 11);
    db.prepare(
      `INSERT INTO polls (id, question, options, multiple_choice, anonymous, results_visibility, audience, creator_id, workspace_key, created_at)
       VALUES (1, 'Q?', '["A","B"]', 0, 0, 'live', 'everyone', 'slack:T1:U1', 'slack:T1', 1)`,
    ).run();
    db.prepare("INSERT INTO votes (voter_key, poll_id, option, single, area, voted_at) VALUES ('k1', 1, 1, 1, 'askim', 5)").run();
    expect(() => db.prepare("INSERT INTO votes (voter_key, poll_id, option, single, voted_at) VALUES ('k2', 1, 12, 1, 5)").run()).toThrow(/CHECK/);
    migrate(db);
    expect(db.prepare('SELECT voter_key, poll_id, option, single, area, voted_at FROM votes').all()).toEqual([
      { voter_key: 'k1', poll_id: 1, option: 1, single: 1, area: 'askim', voted_at: 5 },
    ]);
    db.prepare("INSERT INTO votes (voter_key, poll_id, option, single, voted_at) VALUES ('k2', 1, 24, 1, 5)").run();
    expect(() => db.prepare("INSERT INTO votes (voter_key, poll_id, option, single, voted_at) VALUES ('k3', 1, 25, 1, 5)").run()).toThrow(/CHECK/);
    // A second option in a single-choice poll is still refused by the index, whatever the code does.
    expect(() => db.prepare("INSERT INTO votes (voter_key, poll_id, option, single, voted_at) VALUES ('k2', 1, 3, 1, 5)").run()).toThrow(/UNIQUE/);
    const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'votes' AND sql IS NOT NULL ORDER BY name").pluck().all());
    expect(indexes).toEqual(['votes_single_choice', 'votes_voted_at']);
    db.close();
  });
});
