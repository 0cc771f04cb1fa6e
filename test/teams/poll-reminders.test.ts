import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import { actor } from '../helpers/core.ts';
import { texts, type Card } from './card-reading.ts';
import { activity, message, startTeams, TENANT, type TeamsHarness } from './harness.ts';

const kari = { aad: 'aad-kari' };
const ola = { aad: 'aad-ola' };
const per = { aad: 'aad-per' };

describe('poll reminders in Teams', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeams();
  });
  afterEach(async () => {
    await h.close();
  });

  it('reach, in their 1:1 chat, only those who have not voted, as the poll card under a reminder', async () => {
    await h.core.members.add(`teams:${TENANT}:aad-kari`, h.clock());
    for (const person of [kari, ola, per]) {
      await h.post(activity(h.connector, person, { type: 'installationUpdate', action: 'add' }));
      await h.store.participants.touch({ ...actor(person.aad, { platform: 'teams', workspaceId: TENANT }), now: h.clock() });
    }
    await h.post(message(h.connector, kari, 'poll "Konferansedag?" "Torsdag" "Fredag" --alle --påminn 2d'));
    const worker = createOutboxWorker({ store: h.store.outbox, senders: [h.teams.sender], clock: h.clock, owner: 'test', log: pino({ level: 'silent' }) });
    const deliver = async () => {
      await worker.pump();
      await worker.settled();
    };
    await deliver();
    await h.core.vote(actor('aad-ola', { platform: 'teams', workspaceId: TENANT }), 1, 0);
    h.clock.advance(2 * 86_400_000);
    const before = h.connector.calls.length;
    await deliver();
    const sent = h.connector.calls.slice(before).filter((c) => c.activity.attachments?.length);
    expect(sent.map((c) => c.conversationId)).toEqual(['a:chat-aad-per']);
    const card = sent[0]!.activity.attachments![0]!.content as Card;
    expect(texts(card)).toContain('Påminnelse: du har ikke stemt ennå.');
    expect(texts(card)).toContain('Konferansedag?');
  });
});
