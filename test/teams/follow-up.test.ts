import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actions, invokeCard, texts, type Card } from './card-reading.ts';
import { activity, execute, message, startTeams, type TeamsHarness } from './harness.ts';
import type { Recipient } from '../../src/ports/delivery.ts';
import type { StoredRecipient } from '../../src/ports/outbox.ts';

const member = { aad: 'aad-member' };
const sender = { aad: 'aad-sender', locale: 'en-GB' };
const stranger = { aad: 'aad-stranger' };
const MEMBER_ID = 'teams:tenant-1:aad-member';

let h: TeamsHarness;
beforeEach(async () => {
  h = await startTeams({ sendTimeoutMs: 300 });
  await h.core.members.add(MEMBER_ID, h.core.clock());
});
afterEach(async () => {
  await h.close();
});

/** A sealed recipient (an anonymous sender) is opened only when sent, as the worker does. */
const opened = (r: StoredRecipient): Recipient => (r.kind === 'sealed' ? h.core.openRecipient(r.sealed!) : r);

/** Hands every pending outbox message to the Teams sender, as the worker would; returns the cards sent. */
async function deliverPending(): Promise<Card[]> {
  const before = h.connector.calls.length;
  for (const m of await h.store.outbox.list(['pending'], 50)) {
    expect(await h.teams.sender.deliver({ ...m, recipient: opened(m.recipient), attempt: 1 })).toMatchObject({ ok: true });
    await h.store.outbox.markSent(m.id, h.core.clock(), null);
  }
  return h.connector.calls.slice(before).map((c) => c.activity.attachments![0]!.content as Card);
}
const lastCard = (): Card => h.connector.calls.at(-1)!.activity.attachments![0]!.content as Card;

describe('the review card in Teams', () => {
  it('comes from `innspill vurder`; approve, hide with a reason and a refused long reason all answer with the queue', async () => {
    await h.post(activity(h.connector, member, { type: 'installationUpdate', action: 'add' }));
    await h.core.submitSuggestion({ platform: 'teams', workspaceId: 'tenant-1', userId: 'aad-x', id: 'teams:tenant-1:aad-x', locale: 'nb' }, { text: 'Parkering i Askim **sentrum**', publishable: true });
    await h.core.submitSuggestion({ platform: 'teams', workspaceId: 'tenant-1', userId: 'aad-x', id: 'teams:tenant-1:aad-x', locale: 'nb' }, { text: 'Bedre veier', publishable: true });

    expect((await h.post(message(h.connector, member, 'innspill vurder'))).status).toBe(200);
    const queue = lastCard();
    expect(texts(queue)).toEqual(expect.arrayContaining(['Venter på vurdering', 'Parkering i Askim **sentrum**', 'Godkjenn', 'Skjul']));
    expect(actions(queue).filter((a) => a.verb === 'review.approve').map((a) => a.data.suggestionId)).toEqual([1, 2]);

    const approved = invokeCard(await h.post(execute(h.connector, member, 'review.approve', { suggestionId: 1 })));
    expect(texts(approved)).toContain('#1 er godkjent for publisering.');
    expect(actions(approved).filter((a) => a.verb === 'review.approve').map((a) => a.data.suggestionId)).toEqual([2]);

    const tooLong = invokeCard(await h.post(execute(h.connector, member, 'review.hide', { suggestionId: 2, 'reason-2': 'x'.repeat(501) })));
    expect(texts(tooLong)).toContain('Begrunnelsen er for lang (501 tegn). Den kan være høyst 500 tegn.');
    const unknown = invokeCard(await h.post(execute(h.connector, member, 'review.approve', { suggestionId: 99 })));
    expect(texts(unknown)).toContain('Fant ikke innspillet.');
    const hidden = invokeCard(await h.post(execute(h.connector, member, 'review.hide', { suggestionId: 1, 'reason-1': 'Feil' })));
    expect(texts(hidden)).toContain('#1 er skjult. Begrunnelsen er lagret for prosjektgruppen.');
    expect((await h.core.exportPublished()).suggestions).toEqual([]);
    expect(await h.core.hiddenReason({ id: MEMBER_ID }, 1)).toBe('Feil');
  });

  it('refuses a non-member in their language and changes nothing', async () => {
    await h.core.submitSuggestion({ platform: 'teams', workspaceId: 'tenant-1', userId: 'aad-x', id: 'teams:tenant-1:aad-x', locale: 'nb' }, { text: 'Bedre veier', publishable: true });
    await h.post(message(h.connector, { ...stranger, locale: 'en-GB' }, 'review'));
    expect(h.connector.calls.at(-1)!.activity.text).toContain('You are not allowed to do this.');
    const res = await h.post(execute(h.connector, stranger, 'review.approve', { suggestionId: 1 }));
    expect(JSON.stringify(res.body)).toContain('Dette har du ikke lov til.');
    expect((await h.core.exportPublished()).suggestions).toEqual([]);
  });
});

describe('a status change reaches an anonymous sender, whose answer reaches the member', () => {
  it('goes member (queue card) → outbox → sender (sealed route) → answer on the card → outbox → member', async () => {
    await h.post(activity(h.connector, sender, { type: 'installationUpdate', action: 'add' }));
    await h.post(activity(h.connector, member, { type: 'installationUpdate', action: 'add' }));
    await h.post(execute(h.connector, sender, 'suggestion.submit', { topic: 'other', text: 'More buses to Mysen', anonymous: 'true', publishable: 'true' }));

    const set = invokeCard(await h.post(execute(h.connector, member, 'review.status', { suggestionId: 1, 'status-1': 'done', 'note-1': 'To nye avganger fra januar', 'topic-1': 'place' })));
    expect(texts(set)).toContain('#1 har nå status gjennomført. Avsenderen får beskjed.\n#1 er flyttet til Stedsutvikling.');
    const bad = invokeCard(await h.post(execute(h.connector, member, 'review.status', { suggestionId: 1, 'status-1': 'maybe' })));
    expect(texts(bad).join('\n')).toContain('Ukjent status «maybe»');

    const [notice] = await deliverPending();
    expect(h.connector.calls.at(-1)!.conversationId).toBe('a:chat-aad-sender');
    expect(texts(notice!)).toEqual(expect.arrayContaining(['News about your suggestion #1: it is now “done”.', 'The project group writes: To nye avganger fra januar', 'Answer']));
    const [answerAction] = actions(notice!).filter((a) => a.verb === 'answer.send');

    const empty = invokeCard(await h.post(execute(h.connector, sender, 'answer.send', { ...answerAction!.data, text: ' ' })));
    expect(texts(empty).join('\n')).toContain('The suggestion is empty.');
    const done = invokeCard(await h.post(execute(h.connector, sender, 'answer.send', { ...answerAction!.data, text: 'Thank you! Which hours?' })));
    expect(texts(done)).toContain('Thank you! Your answer about #1 has been sent to the project group.');

    const [toMember] = await deliverPending();
    expect(h.connector.calls.at(-1)!.conversationId).toBe('a:chat-aad-member');
    expect(texts(toMember!)).toEqual(expect.arrayContaining(['Avsenderen av innspill #1 svarer:', 'Thank you! Which hours?']));
    expect(actions(toMember!).map((a) => [a.verb, a.data.suggestionId])).toEqual([['digest.reply', 1]]);

    // The sender's own list shows status and note; the answer did not become a suggestion.
    await h.post(message(h.connector, sender, 'mine'));
    const mine = h.connector.calls.at(-1)!.activity.text!;
    expect(mine).toContain('done');
    expect(mine).toContain('Note: To nye avganger fra januar');
    expect(mine.match(/#\d+/g)).toEqual(['#1']);
  });
});
