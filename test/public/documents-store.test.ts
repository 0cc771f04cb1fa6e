import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../storage/index.ts';

describe('documents table (migration 4)', () => {
  it('keeps a file’s bytes or a link’s URL, never both, and lists newest first', async () => {
    const store = openSqliteStore(':memory:');
    const at = new Date('2026-11-01T10:00:00Z');
    const pdf = await store.documents.add({ title: 'Referat', date: '2026-10-01', kind: 'pdf', url: null, content: Buffer.from('%PDF-1.4'), createdAt: at });
    const link = await store.documents.add({ title: 'Lysark', date: '2026-10-05', kind: 'link', url: 'https://example.org', content: null, createdAt: at });
    expect(pdf).toEqual({ id: 1, title: 'Referat', date: '2026-10-01', kind: 'pdf', url: null, size: 8, createdAt: at });
    expect((await store.documents.list()).map((d) => d.id)).toEqual([link.id, pdf.id]);
    expect(Buffer.from((await store.documents.content(pdf.id))!).toString()).toBe('%PDF-1.4');
    expect(await store.documents.content(link.id)).toBeNull();
    await expect(store.documents.add({ title: 'X', date: '2026-10-01', kind: 'link', url: 'https://x', content: Buffer.from('x'), createdAt: at })).rejects.toThrow(/CHECK/);
    await expect(store.documents.add({ title: 'X', date: '2026-10-01', kind: 'pdf', url: null, content: null, createdAt: at })).rejects.toThrow(/CHECK/);
    expect(await store.documents.remove(pdf.id)).toBe(true);
    expect(await store.documents.get(pdf.id)).toBeNull();
    store.close();
  });

  it('counts each voter once per week, weeks starting on Monday (UTC)', async () => {
    const store = openSqliteStore(':memory:');
    store.db.exec(`INSERT INTO polls (id, question, options, multiple_choice, anonymous, results_visibility, audience, creator_id, workspace_key, created_at)
      VALUES (1, 'Q', '["A","B"]', 1, 1, 'live', 'everyone', 'slack:T:U', 'slack:T', 0)`);
    const vote = store.db.prepare('INSERT INTO votes (voter_key, poll_id, option, single, voted_at) VALUES (?, 1, ?, 0, ?)');
    vote.run('a', 0, Date.parse('2026-11-16T00:00:00Z')); // Monday
    vote.run('a', 1, Date.parse('2026-11-22T23:59:59Z')); // Sunday, same week, same person
    vote.run('b', 0, Date.parse('2026-11-22T12:00:00Z'));
    vote.run('b', 1, Date.parse('2026-11-23T00:00:00Z')); // next Monday
    expect(await store.publicSite.weeklyVoters()).toEqual([
      { week: '2026-11-16', voters: 2 },
      { week: '2026-11-23', voters: 1 },
    ]);
    store.close();
  });
});
