import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import { actions, texts, type Card } from './card-reading.ts';
import { OPERATOR_ID } from '../../src/domain/follow-up.ts';
import { execute, mention, startTeams, type TeamsHarness } from './harness.ts';

const kari = { aad: 'aad-kari' };

let h: TeamsHarness;
const deliver = async () => {
  const worker = createOutboxWorker({ store: h.store.outbox, senders: [h.teams.sender], clock: h.clock, owner: `t-${Math.random()}`, log: pino({ level: 'silent' }) });
  await worker.pump();
  await worker.settled();
};
const cardOf = (activity: { attachments?: { content: Record<string, unknown> }[] }) => activity.attachments![0]!.content as Card;
afterEach(async () => {
  await h.close();
});

describe('a Teams poll card after an edit or a delete', () => {
  beforeEach(async () => {
    h = await startTeams();
    // Posted by the outbox at its time, so the activity id Teams gave it is kept with the message.
    await h.post(mention(h.connector, kari, 'poll "Møtedag?" "Mandag" "Fredag" --at 2026-12-01T09:00 --close-in 1w'));
    h.clock.set('2026-12-01T08:00:00Z');
    await deliver();
  });

  it('is replaced in place with the edited question, then with the deleted notice', async () => {
    const [post] = h.connector.calls.filter((c) => c.method === 'POST' && c.activity.attachments?.length);
    const activityId = (await h.store.unitOfWork.run((tx) => tx.outbox.sentRefs(1)))[0]!.platformRef;
    expect(post!.conversationId).toContain('19:channel-1@thread.tacv2');
    expect(h.connector.updates()).toEqual([]);

    await h.post(mention(h.connector, kari, 'poll rediger 1 "Hvilken møtedag?" "Mandag" "Onsdag"'));
    expect(h.connector.texts().at(-1)).toBe('Avstemning 1 er endret.');
    await deliver();
    const [edited] = h.connector.updates();
    expect(edited).toMatchObject({ activityId, conversationId: post!.conversationId });
    expect(texts(cardOf(edited!.activity))).toContain('Hvilken møtedag?');
    expect(actions(cardOf(edited!.activity)).filter((a) => a.verb === 'poll.vote').map((a) => a.title)).toEqual(expect.arrayContaining([expect.stringContaining('Onsdag')]));

    await h.post(mention(h.connector, kari, 'poll slett 1'));
    expect(h.connector.texts().at(-1)).toBe('Avstemning 1 er slettet, med stemmene.');
    await deliver();
    const updates = h.connector.updates();
    expect(updates).toHaveLength(2);
    expect(updates[1]!.activityId).toBe(activityId);
    expect(texts(cardOf(updates[1]!.activity))).toEqual(['Denne avstemningen er slettet.']);
    // Each update went once: nothing left to send.
    await deliver();
    expect(h.connector.updates()).toHaveLength(2);
  });

  it('tries a failed update again from the outbox', async () => {
    await h.post(mention(h.connector, kari, 'poll slett 1'));
    h.connector.answerNext(503);
    await deliver();
    expect(h.connector.updates()).toHaveLength(1);
    const [waiting] = await h.store.outbox.list(['pending'], 10);
    expect(waiting).toMatchObject({ payload: { type: 'poll_refresh', pollId: 1 }, attempts: 1, lastError: 'teams_503' });

    h.clock.set(waiting!.nextAttemptAt);
    await deliver();
    const updates = h.connector.updates();
    expect(updates).toHaveLength(2);
    expect(texts(cardOf(updates[1]!.activity))).toEqual(['Denne avstemningen er slettet.']);
    expect(await h.store.outbox.list(['pending', 'dead'], 10)).toEqual([]);
  });
});

describe('a Teams poll card posted as the answer in the turn', () => {
  beforeEach(async () => {
    h = await startTeams();
  });

  it('keeps its activity id, so an edit and a delete replace that card', async () => {
    await h.post(mention(h.connector, kari, 'poll "Møtedag?" "Mandag" "Fredag"'));
    const [answer] = h.connector.calls.filter((c) => c.method === 'POST' && c.activity.attachments?.length);
    expect(texts(cardOf(answer!.activity))).toContain('Møtedag?');
    // Posted by the turn, not the outbox: nothing was waiting to be sent.
    expect(await h.store.outbox.list(['pending'], 10)).toEqual([]);

    await h.post(mention(h.connector, kari, 'poll rediger 1 "Hvilken møtedag?" "Mandag" "Onsdag"'));
    await deliver();
    const [edited] = h.connector.updates();
    expect(edited).toMatchObject({ conversationId: answer!.conversationId });
    expect(edited!.activityId).toMatch(/^sent-/);
    expect(texts(cardOf(edited!.activity))).toContain('Hvilken møtedag?');

    await h.post(mention(h.connector, kari, 'poll slett 1'));
    await deliver();
    const updates = h.connector.updates();
    expect(updates).toHaveLength(2);
    expect(updates[1]!.activityId).toBe(edited!.activityId);
    expect(texts(cardOf(updates[1]!.activity))).toEqual(['Denne avstemningen er slettet.']);
  });

  it('from the poll form in a 1:1 chat is replaced there when the poll is deleted from the command line', async () => {
    await h.post(execute(h.connector, kari, 'poll.create', { question: 'Møtedag?', options: 'Tirsdag\nTorsdag' }));
    const [card] = h.connector.calls.filter((c) => c.method === 'POST' && c.activity.attachments?.length);
    expect(card!.conversationId).toBe('a:chat-aad-kari');

    await h.core.pollPlans.delete({ id: OPERATOR_ID }, 1);
    await deliver();
    const [deleted] = h.connector.updates();
    expect(deleted).toMatchObject({ conversationId: 'a:chat-aad-kari' });
    expect(deleted!.activityId).toMatch(/^sent-/);
    expect(texts(cardOf(deleted!.activity))).toEqual(['Denne avstemningen er slettet.']);
  });
});
