import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATOR_ID } from '../../src/domain/follow-up.ts';
import { actor } from '../helpers/core.ts';
import { runCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import type { RecordedCall } from '../fakes/slack-api.ts';
import { slackHarness, type SlackHarness } from './harness.ts';
import { pumpOutbox } from './pump.ts';

const tmp = useTmpDir();
let h: SlackHarness;

/** The server's side: the Slack adapter and its core, on an in-memory database or on `path`. */
async function start(path?: string, options: { refreshBudgetMs?: number } = {}) {
  h = await slackHarness({ ...options, ...(path === undefined ? {} : { path }) });
  await h.core.members.add('slack:T1:U1', h.clock());
  for (const [user, team] of [['U2', 'T1'], ['U3', 'T1'], ['U5', 'T2']] as const) await h.store.participants.touch({ ...actor(user, { workspaceId: team }), now: h.clock() });
}
afterEach(async () => {
  await h.close();
});

const MINUTE = 60_000;
const operator = { id: OPERATOR_ID } as const;
/** The outbox between steps, a minute apart so its pacing lets everything out. */
const deliver = async () => {
  h.clock.advance(MINUTE);
  await pumpOutbox(h);
};
const where = (c: RecordedCall) => `${c.args.channel} ${c.args.ts}`;

/** A poll to everyone, typed in C1: its channel message, then one chat per participant through the outbox. */
async function postEveryonePoll(): Promise<string[]> {
  const posts: string[] = [];
  h.api.answer('chat.postMessage', (c) => {
    const ts = `17000000${posts.length + 10}.000100`;
    posts.push(`${c.args.channel} ${ts}`);
    return { body: { ok: true, channel: c.args.channel, ts } };
  });
  await h.command('"Møtedag?" "Mandag" "Fredag" --alle', { command: '/poll' });
  await h.adapter.idle();
  await deliver();
  expect(posts.map((p) => p.split(' ')[0])).toEqual(expect.arrayContaining(['C1', 'D2', 'D3', 'D5']));
  h.api.reset();
  return posts;
}

describe('a Slack poll after an edit or a delete made anywhere', () => {
  it('is updated through the outbox in every workspace and chat it went to, then says it was deleted', async () => {
    await start();
    const posts = await postEveryonePoll();

    // The command line's edit: no Slack turn, no updater in this process; only the outbox knows.
    expect(await h.core.pollPlans.edit(operator, 1, 'Hvilken møtedag?', ['Mandag', 'Onsdag'])).toMatchObject({ ok: true });
    await h.adapter.idle();
    expect(h.api.callsTo('chat.update')).toEqual([]);
    const queued = await h.store.outbox.list(['pending'], 10);
    expect(queued.map((m) => [m.workspaceId, m.recipient, m.payload]).sort()).toEqual([
      ['T1', { kind: 'workspace' }, { type: 'poll_refresh', pollId: 1 }],
      ['T2', { kind: 'workspace' }, { type: 'poll_refresh', pollId: 1 }],
    ]);
    await deliver();
    const edits = h.api.callsTo('chat.update');
    expect(edits.map(where).sort()).toEqual([...posts].sort());
    for (const update of edits) {
      expect(update.args.text).toContain('Hvilken møtedag?');
      expect(JSON.stringify(update.args.blocks)).toContain('Onsdag');
      expect(JSON.stringify(update.args.blocks)).not.toContain('Fredag');
    }
    expect(await h.store.outbox.list(['pending', 'dead'], 10)).toEqual([]);

    // One chat is gone from Slack: it is forgotten, and the delete does not try it again.
    h.api.reset();
    h.api.answer('chat.update', (c) => (c.args.channel === 'D3' ? { body: { ok: false, error: 'message_not_found' } } : undefined));
    await h.core.pollPlans.edit(operator, 1, 'Hvilken møtedag passer?', ['Mandag', 'Onsdag']);
    await deliver();
    expect(h.api.callsTo('chat.update')).toHaveLength(posts.length);
    h.api.reset();

    await h.core.pollPlans.delete(operator, 1);
    await deliver();
    const deletions = h.api.callsTo('chat.update');
    expect(deletions.map(where).sort()).toEqual(posts.filter((p) => !p.startsWith('D3')).sort());
    for (const update of deletions) {
      expect(update.args.text).toBe('Denne avstemningen er slettet.');
      expect(JSON.stringify(update.args.blocks)).not.toContain('innspill_vote');
    }
    expect(await h.store.outbox.list(['pending', 'dead'], 10)).toEqual([]);
  });

  it('waits out a 429 on chat.update (Retry-After) and goes on from the copy it stopped at', async () => {
    await start();
    const posts = await postEveryonePoll();
    // The second update in T1 is refused with 429 (T2's chat, D5, goes its own way).
    let updates = 0;
    const inT1 = (c: RecordedCall) => c.args.channel !== 'D5';
    h.api.answer('chat.update', (c) => (inT1(c) && (updates += 1) === 2 ? { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } } : undefined));

    // A delete in chat: the same use case, the same outbox.
    expect((await h.command('slett 1', { command: '/poll' })).json.text).toBe('Avstemning 1 er slettet, med stemmene.');
    await deliver();
    const [waiting] = (await h.store.outbox.list(['pending'], 10)).filter((m) => m.workspaceId === 'T1');
    expect(waiting).toMatchObject({ payload: { type: 'poll_refresh' }, attempts: 0, partsSent: 1, lastError: 'rate limited: ratelimited' });
    expect(waiting!.nextAttemptAt.getTime() - h.clock().getTime()).toBe(30_000);
    const first = h.api.callsTo('chat.update').filter(inT1);
    expect(first).toHaveLength(2);

    // Not before Retry-After has passed.
    await pumpOutbox(h);
    expect(h.api.callsTo('chat.update').filter(inT1)).toHaveLength(2);
    h.clock.advance(30_000);
    await pumpOutbox(h);
    const all = h.api.callsTo('chat.update');
    // Every copy says it was deleted; the one updated before the 429 was not updated again, the refused one was.
    expect([...new Set(all.map(where))].sort()).toEqual([...posts].sort());
    const t1Posts = posts.filter((p) => !p.startsWith('D5'));
    expect(all.filter(inT1)).toHaveLength(t1Posts.length + 1);
    expect(all.filter((c) => where(c) === where(first[0]!))).toHaveLength(1);
    expect(all.filter((c) => where(c) === where(first[1]!))).toHaveLength(2);
    for (const update of all) expect(update.args.text).toBe('Denne avstemningen er slettet.');
    expect(await h.store.outbox.list(['pending', 'dead'], 10)).toEqual([]);
  });

  it('keeps its copies when a workspace’s token fails, and reaches them once the workspace works again', async () => {
    await start();
    const posts = await postEveryonePoll();
    const inT2 = posts.find((p) => p.startsWith('D5'))!;
    // T2's token was revoked (the app reinstalled, say): the message itself is not gone.
    h.api.answer('chat.update', (c) => (c.args.channel === 'D5' ? { body: { ok: false, error: 'token_revoked' } } : undefined));
    await h.core.pollPlans.edit(operator, 1, 'Hvilken møtedag?', ['Mandag', 'Onsdag']);
    await deliver();
    expect(await h.store.outbox.list(['dead'], 10)).toMatchObject([{ workspaceId: 'T2', payload: { type: 'poll_refresh' }, lastError: 'unreachable: token_revoked' }]);

    h.api.reset();
    await h.core.pollPlans.edit(operator, 1, 'Hvilken møtedag passer?', ['Mandag', 'Onsdag']);
    await deliver();
    expect(h.api.callsTo('chat.update').map(where)).toContain(inT2);
  });

  it('goes on in the next attempt, at once and without counting a failed try, when one attempt’s time is up', async () => {
    // No time at all: each attempt updates one copy, records it, and leaves the rest to the next.
    await start(undefined, { refreshBudgetMs: 0 });
    const posts = await postEveryonePoll();
    await h.core.pollPlans.edit(operator, 1, 'Hvilken møtedag?', ['Mandag', 'Onsdag']);
    h.clock.advance(MINUTE);
    const t1 = posts.filter((p) => !p.startsWith('D5')).length;
    for (let pumps = 0; pumps < t1; pumps += 1) {
      await pumpOutbox(h);
      const [left] = (await h.store.outbox.list(['pending'], 10)).filter((m) => m.workspaceId === 'T1');
      if (pumps < t1 - 1) expect(left).toMatchObject({ attempts: 0, partsSent: pumps + 1, lastError: 'poll_refresh_continues' });
      else expect(left).toBeUndefined();
    }
    // Every copy once, none twice.
    expect(h.api.callsTo('chat.update').map(where).sort()).toEqual([...posts].sort());
    expect(await h.store.outbox.list(['pending', 'dead'], 10)).toEqual([]);
  });

  it('is updated after `innspill poll edit|delete`, run beside the server on its database file, once the server drains the outbox', async () => {
    const env = { DATABASE_PATH: join(tmp(), 'innspill.db') };
    // The command line makes the database and its key file, as an installation has them.
    expect((await runCli(['members', 'add', 'slack:T1:U9'], { env })).code).toBe(0);
    await start(env.DATABASE_PATH);
    const posts = await postEveryonePoll();

    const edit = await runCli(['poll', 'edit', '1', '--question', 'Hvilken møtedag?', '--option', 'Mandag', '--option', 'Onsdag'], { env });
    expect([edit.code, edit.stdout]).toEqual([0, 'Avstemning 1 er endret.\n']);
    // The command line runs on the wall clock: the server's fake clock is moved past it.
    h.clock.set(new Date(Date.now() + 3_600_000));
    await deliver();
    const edits = h.api.callsTo('chat.update');
    expect(edits.map(where).sort()).toEqual([...posts].sort());
    for (const update of edits) expect(update.args.text).toContain('Hvilken møtedag?');

    h.api.reset();
    expect((await runCli(['poll', 'delete', '1', '--yes'], { env })).code).toBe(0);
    h.clock.set(new Date(Date.now() + 7_200_000));
    await deliver();
    const deletions = h.api.callsTo('chat.update');
    expect(deletions.map(where).sort()).toEqual([...posts].sort());
    for (const update of deletions) expect(update.args.text).toBe('Denne avstemningen er slettet.');
  });
});
