import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import { actions, type Card } from './card-reading.ts';
import { execute, mention, startTeams, type TeamsHarness } from './harness.ts';

const kari = { aad: 'aad-kari' };
const ola = { aad: 'aad-ola' };

describe('a scheduled poll in a Teams channel', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeams();
  });
  afterEach(async () => {
    await h.close();
  });

  it('is confirmed with its time, posted to the channel by the outbox when due, and voted on', async () => {
    const res = await h.post(mention(h.connector, kari, 'poll "Møtedag?" "Mandag" "Fredag" --at 2026-12-01T09:00 --close-in 1w'));
    expect(res.status).toBeLessThan(300);
    expect(h.connector.texts().at(-1)).toMatch(/^Avstemning 1 er planlagt og legges ut her 1\. des/);
    expect(h.connector.cards()).toEqual([]);

    const deliver = async () => {
      const worker = createOutboxWorker({ store: h.store.outbox, senders: [h.teams.sender], clock: h.clock, owner: `t-${Math.random()}`, log: pino({ level: 'silent' }) });
      await worker.pump();
      await worker.settled();
    };
    await deliver();
    expect(h.connector.cards()).toEqual([]);

    // 09:00 in Oslo in December is 08:00 UTC.
    h.clock.set('2026-12-01T08:00:00Z');
    await deliver();
    const posted = h.connector.calls.filter((c) => c.activity.attachments?.length);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.conversationId).toContain('19:channel-1@thread.tacv2');
    const card = posted[0]!.activity.attachments![0]!.content as Card;
    expect(actions(card).filter((a) => a.verb === 'poll.vote')).toHaveLength(2);
    await h.post(execute(h.connector, ola, 'poll.vote', { pollId: 1, option: 1 }, 'channel'));
    expect((await h.core.viewPoll(1)).tally!.counts).toEqual([0, 1]);
    expect((await h.core.viewPoll(1)).poll.closesAt?.toISOString()).toBe('2026-12-08T08:00:00.000Z');
  });
});
