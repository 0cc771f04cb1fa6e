import { openSqliteStore } from '../storage/index.ts';
import { AREAS, INDUSTRIES, SIZE_BANDS } from '../src/domain/participant.ts';
import { DEFAULT_TOPICS } from '../src/domain/suggestion.ts';

/** A deterministic pseudo-random sequence, so every run seeds the same data. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export interface SeedSize {
  suggestions: number;
  polls: number;
  votes: number;
  participants: number;
}

/** Fills a database with one busy week: the digest benchmark's data. */
export function seedDigestData(path: string, size: SeedSize, periodEnd: Date): void {
  const store = openSqliteStore(path);
  const { db } = store;
  const random = lcg(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const week = 7 * 24 * 3600 * 1000;
  const start = periodEnd.getTime() - week;
  const when = () => start + Math.floor(random() * week);
  db.transaction(() => {
    const suggestion = db.prepare(
      `INSERT INTO suggestions (workspace_key, sender_key, topic, text, anonymous, publishable, area, industry, size_band, created_at)
       VALUES ('slack:T1', ?, ?, ?, 0, 1, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < size.suggestions; i += 1) {
      suggestion.run(`p${Math.floor(random() * size.participants)}`, pick(DEFAULT_TOPICS), `Forslag nummer ${i}: bedre vilkår for lokale bedrifter i ${pick(AREAS)}`, pick(AREAS), pick(INDUSTRIES), pick(SIZE_BANDS), when());
    }
    const poll = db.prepare(
      `INSERT INTO polls (question, options, multiple_choice, anonymous, results_visibility, audience, creator_id, workspace_key, created_at)
       VALUES (?, '["Ja","Nei","Vet ikke","Kanskje"]', 0, 0, 'live', 'everyone', 'slack:T1:M1', 'slack:T1', ?)`,
    );
    for (let i = 0; i < size.polls; i += 1) poll.run(`Spørsmål ${i}?`, start);
    const vote = db.prepare(
      `INSERT INTO votes (poll_id, voter_key, option, single, area, industry, size_band, voted_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)`,
    );
    // Each participant votes once in a poll; polls are filled in turn until the total is reached.
    let n = 0;
    for (let p = 1; p <= size.polls && n < size.votes; p += 1) {
      for (let v = 0; v < Math.ceil(size.votes / size.polls) && n < size.votes; v += 1, n += 1) {
        vote.run(p, `p${v}`, Math.floor(random() * 4), pick(AREAS), pick(INDUSTRIES), pick(SIZE_BANDS), when());
      }
    }
    // The running tallies and the activity table, as the vote and suggestion paths keep them.
    db.exec(`INSERT INTO poll_tallies (poll_id, option, votes) SELECT poll_id, option, count(*) FROM votes GROUP BY poll_id, option`);
    db.exec(`UPDATE polls SET voters = (SELECT count(DISTINCT voter_key) FROM votes WHERE poll_id = polls.id)`);
    db.exec(`INSERT INTO activity (person_key, hour, area, industry, size_band, last_at)
      SELECT k, t / 3600000, area, industry, size_band, max(t) FROM (
        SELECT sender_key AS k, area, industry, size_band, created_at AS t FROM suggestions
        UNION ALL SELECT voter_key, area, industry, size_band, voted_at FROM votes
      ) GROUP BY k, t / 3600000`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  store.close();
}
