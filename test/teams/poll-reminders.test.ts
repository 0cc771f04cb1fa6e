import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import { OPERATOR_ID } from '../../src/domain/follow-up.ts';
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

  /** Kari, a member, asks everyone (these people, who have the app) with a reminder after two days; returns the outbox's delivery. */
  async function everyonePollWithReminder(people: { aad: string }[]) {
    await h.core.members.add(`teams:${TENANT}:aad-kari`, h.clock());
    for (const person of people) {
      await h.post(activity(h.connector, person, { type: 'installationUpdate', action: 'add' }));
      await h.store.participants.touch({ ...actor(person.aad, { platform: 'teams', workspaceId: TENANT }), now: h.clock() });
    }
    await h.post(message(h.connector, kari, 'poll "Konferansedag?" "Torsdag" "Fredag" --alle --påminn 2d'));
    const worker = createOutboxWorker({ store: h.store.outbox, senders: [h.teams.sender], clock: h.clock, owner: 'test', log: pino({ level: 'silent' }) });
    return async () => {
      await worker.pump();
      await worker.settled();
    };
  }

  it('reach, in their 1:1 chat, only those who have not voted, as the poll card under a reminder', async () => {
    const deliver = await everyonePollWithReminder([kari, ola, per]);
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

  it('are replaced in place, as the poll now stands, when the poll is edited after they went', async () => {
    const deliver = await everyonePollWithReminder([kari, per]);
    await deliver();
    h.clock.advance(2 * 86_400_000);
    const before = h.connector.calls.length;
    await deliver();
    const reminders = h.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.activity.attachments?.length);
    expect(reminders.map((c) => c.conversationId)).toEqual(['a:chat-aad-per']);

    // No one has voted, so the answers may still change: a click on an old card must not count for a new answer.
    await h.core.pollPlans.edit({ id: OPERATOR_ID }, 1, 'Hvilken konferansedag?', ['Onsdag', 'Torsdag']);
    await deliver();
    const updated = h.connector.updates().filter((u) => u.conversationId === 'a:chat-aad-per');
    // The poll and the reminder in Per's chat: both cards replaced.
    expect(updated).toHaveLength(2);
    for (const u of updated) expect(texts(u.activity.attachments![0]!.content as Card)).toContain('Hvilken konferansedag?');
    // Two cards were posted there, so two distinct activities replaced means the reminder's too.
    expect(new Set(updated.map((u) => u.activityId)).size).toBe(2);
  });
});
