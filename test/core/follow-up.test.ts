import { describe, expect, it } from 'vitest';
import { awaitsReview, isPublished, parseProgress, parseSuggestionRef } from '../../src/domain/follow-up.ts';
import { isNationalIdNumber, scrubPersonalData } from '../../src/privacy/scrub.ts';
import { actor, testCore } from '../helpers/core.ts';
import { renderDigestMarkdown } from '../../src/digest/markdown.ts';
import { parseDigest, serializeDigest } from '../../src/digest/serialize.ts';
import { renderDigest } from '../../adapters/slack/render/digest.ts';
import { digestCards } from '../../adapters/teams/cards/digest.ts';
import { FOLLOW_UP_ACTIONS } from '../../adapters/slack/render/follow-up.ts';
import { FOLLOW_UP_VERBS } from '../../adapters/teams/cards/follow-up.ts';

const member = actor('M1');
const sender = actor('U2');

async function setup(publishMode: 'review' | 'immediate' = 'review') {
  const t = testCore({ publishMode });
  await t.core.members.add(member.id, new Date());
  return t;
}

describe('the publishing rule', () => {
  const s = (publishable: boolean, status: 'new' | 'hidden', approved: boolean) => ({ publishable, status, approvedAt: approved ? new Date(0) : null });
  it('needs consent, no hiding, and in review mode an approval', () => {
    expect(isPublished(s(true, 'new', false), 'review')).toBe(false);
    expect(isPublished(s(true, 'new', true), 'review')).toBe(true);
    expect(isPublished(s(true, 'new', false), 'immediate')).toBe(true);
    expect(isPublished(s(true, 'hidden', true), 'immediate')).toBe(false);
    expect(isPublished(s(false, 'new', true), 'immediate')).toBe(false);
    expect(awaitsReview(s(true, 'new', false))).toBe(true);
    expect(awaitsReview(s(true, 'hidden', false))).toBe(false);
  });

  it('reads refs and statuses as members type them', () => {
    expect(parseSuggestionRef('#12')).toBe(12);
    expect(parseSuggestionRef(' 7 ')).toBe(7);
    expect(() => parseSuggestionRef('x')).toThrow('suggestion_not_found');
    expect(parseProgress('Til vurdering')).toBe('considering');
    expect(parseProgress('not-pursued')).toBe('not_pursued');
    expect(() => parseProgress('maybe')).toThrow('unknown_status');
  });
});

describe('scrubbing published text', () => {
  it('takes out e-mail, Norwegian and international phone numbers and valid national identity numbers', () => {
    const text = 'Ring 912 34 567 eller 22334455, +47 40 00 00 00, +46 70-123 45 67, 0044 20 7946 0958, skriv til kari.nordmann@firma.no. Fnr 01019012480 og 150675 43278.';
    expect(scrubPersonalData(text)).toBe('Ring […] eller […], […], […], […], skriv til […]. Fnr […] og […].');
  });
  it('leaves amounts, years, invalid identity numbers and org numbers alone', () => {
    const text = 'Vi fikk 12 000 000 kroner i 2025, ordre 01019012481, org.nr. 987 654 321 og 15 % vekst.';
    expect(scrubPersonalData(text)).toBe(text);
    expect(isNationalIdNumber('01019012480')).toBe(true);
    expect(isNationalIdNumber('01019012481')).toBe(false);
  });
});

describe('moderation', () => {
  it('in review mode, a consented suggestion is published only once approved, scrubbed, and can be hidden and restored', async () => {
    const { core } = await setup();
    const { suggestion } = await core.submitSuggestion(sender, { text: 'Ring meg på 91234567', publishable: true });
    await core.submitSuggestion(sender, { text: 'Ikke for publisering' });
    expect((await core.exportPublished()).suggestions).toEqual([]);
    expect((await core.reviewQueue(member)).map((s) => s.id)).toEqual([suggestion.id]);

    await core.approve(member, suggestion.id);
    expect((await core.exportPublished()).suggestions).toEqual([expect.objectContaining({ ref: '#1', text: 'Ring meg på […]', status: 'received' })]);
    expect(await core.reviewQueue(member)).toEqual([]);

    await core.hide(member, suggestion.id, 'Personopplysninger');
    expect((await core.exportPublished()).suggestions).toEqual([]);
    expect(await core.hiddenReason(member, suggestion.id)).toBe('Personopplysninger');
    // The original stays for members.
    expect((await core.mine(sender)).suggestions.map((s) => s.text)).toContain('Ring meg på 91234567');

    await core.restore(member, suggestion.id);
    expect((await core.exportPublished()).suggestions).toHaveLength(1);
  });

  it('deleting the sender deletes the moderation record and answers with their suggestions', async () => {
    const { core, store } = await setup();
    const { suggestion } = await core.submitSuggestion(sender, { text: 'Bedre veier', publishable: true });
    await core.hide(member, suggestion.id, 'Grunn');
    await core.setStatus(member, suggestion.id, 'done');
    await core.answerMember(sender, suggestion.id, 'Takk');
    await core.forgetMe(sender);
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    expect(db.prepare('SELECT (SELECT count(*) FROM moderation_log) + (SELECT count(*) FROM sender_answers) AS n').get()).toEqual({ n: 0 });
  });

  it('in immediate mode, publishes at once and still lets members hide', async () => {
    const { core } = await setup('immediate');
    const { suggestion } = await core.submitSuggestion(sender, { text: 'Bedre veier', publishable: true });
    expect((await core.exportPublished()).suggestions).toHaveLength(1);
    await core.hide(member, suggestion.id);
    expect((await core.exportPublished()).suggestions).toHaveLength(0);
  });

  it('refuses non-members, unknown refs and long reasons, and changes nothing', async () => {
    const { core } = await setup();
    const { suggestion } = await core.submitSuggestion(sender, { text: 'Bedre veier', publishable: true });
    await expect(core.approve(sender, suggestion.id)).rejects.toThrow('not_allowed');
    await expect(core.hide(sender, suggestion.id)).rejects.toThrow('not_allowed');
    await expect(core.reviewQueue(sender)).rejects.toThrow('not_allowed');
    await expect(core.approve(member, 99)).rejects.toThrow('suggestion_not_found');
    await expect(core.hide(member, suggestion.id, 'x'.repeat(501))).rejects.toThrow('reason_too_long');
    await expect(core.setStatus(member, suggestion.id, 'done', 'y'.repeat(501))).rejects.toThrow('note_too_long');
    await expect(core.moveTopic(member, suggestion.id, 'weather')).rejects.toThrow('unknown_topic');
    const after = (await core.mine(sender)).suggestions[0]!;
    expect(after).toMatchObject({ status: 'new', approvedAt: null, progress: 'received', topic: 'other' });
  });
});

describe('statuses and answers', () => {
  it('tells an anonymous sender of a status change through the sealed route, and routes their answer to the member', async () => {
    const { core, store } = await setup();
    const { suggestion } = await core.submitSuggestion(actor('U2', { locale: 'en' }), { text: 'Fiber til Trøgstad', anonymous: true });
    const { notified } = await core.setStatus(member, suggestion.id, 'recommended', 'Tatt med i anbefalingen');
    expect(notified).toBe(true);
    const [notice] = await store.outbox.list(['pending'], 10);
    expect(notice).toMatchObject({
      platform: 'slack',
      workspaceId: 'T1',
      recipient: { kind: 'sealed' },
      payload: { type: 'status', locale: 'en', suggestionId: 1, progress: 'recommended', note: 'Tatt med i anbefalingen' },
      label: 'status of #1',
    });
    // Sealed in the outbox like a reply: opened only by the worker as it sends.
    expect(notice!.recipient).not.toHaveProperty('userId');
    expect(core.openRecipient((notice!.recipient as { sealed: string }).sealed)).toEqual({ kind: 'user', userId: 'U2' });
    expect((await core.mine(sender)).suggestions[0]).toMatchObject({ progress: 'recommended', statusNote: 'Tatt med i anbefalingen' });

    await expect(core.answerMember(actor('U3'), suggestion.id, 'Hei')).rejects.toThrow('not_sender');
    await core.answerMember(sender, suggestion.id, 'Takk, når skjer det?');
    const answer = (await store.outbox.list(['pending'], 10)).find((m) => m.payload.type === 'answer');
    expect(answer).toMatchObject({ recipient: { kind: 'user', userId: 'M1' }, payload: { type: 'answer', suggestionId: 1, text: 'Takk, når skjer det?' } });
    // Still one suggestion: the answer is not a new one.
    expect((await core.mine(sender)).suggestions).toHaveLength(1);
  });

  it('keeps to the reply window: past it an anonymous sender gets no status notice and cannot answer', async () => {
    const { core, store, clock } = await setup();
    const { suggestion } = await core.submitSuggestion(sender, { text: 'Fiber til Trøgstad', anonymous: true });
    clock.advance(181 * 24 * 3600 * 1000);
    await core.runMaintenance();
    const { notified, suggestion: after } = await core.setStatus(member, suggestion.id, 'done', 'Ferdig');
    expect([notified, after.progress]).toEqual([false, 'done']);
    expect(await store.outbox.list(['pending'], 10)).toEqual([]);
    await expect(core.answerMember(sender, suggestion.id, 'Takk')).rejects.toThrow('reply_window_passed');
  });

  it('routes an answer to the member who spoke last, whether by a reply or a status', async () => {
    const { core, store, clock } = await setup();
    const other = actor('M2', { platform: 'teams', workspaceId: 'tenant' });
    await core.members.add(other.id, new Date());
    const { suggestion } = await core.submitSuggestion(sender, { text: 'Hei' });
    await core.setStatus(member, suggestion.id, 'considering');
    clock.advance(1000);
    await core.replyToSender(other, suggestion.id, 'Kan du si mer?');
    clock.advance(1000);
    await core.answerMember(sender, suggestion.id, 'Ja: bredbånd');
    const answer = (await store.outbox.list(['pending'], 10)).find((m) => m.payload.type === 'answer');
    expect(answer).toMatchObject({ platform: 'teams', workspaceId: 'tenant', recipient: { kind: 'user', userId: 'M2' } });
  });

  it('refuses an answer when no member has spoken yet', async () => {
    const { core } = await setup();
    const { suggestion } = await core.submitSuggestion(sender, { text: 'Hei' });
    await expect(core.answerMember(sender, suggestion.id, 'Noe nytt?')).rejects.toThrow('nobody_to_answer');
  });
});

describe('the digest starts with the follow-up', () => {
  it('lists what waits for review and what changed status in the period, in every renderer', async () => {
    const { core, clock } = await setup();
    await core.submitSuggestion(sender, { text: 'Vent på meg <b>', publishable: true });
    const { suggestion } = await core.submitSuggestion(sender, { text: 'Bedre veier' });
    clock.advance(60_000);
    await core.setStatus(member, suggestion.id, 'considering', 'Vi ser på *dette*');
    clock.advance(60_000);
    const model = await core.digestFor(core.previewPeriod());
    expect(model.followUp).toEqual({ waitingCount: 1, changed: [{ id: 2, progress: 'considering', note: 'Vi ser på *dette*' }] });
    // What waits for review opens "needs you", before what the rest of the week asks.
    expect(model.attention[0]).toMatchObject({ kind: 'review', suggestion: { id: 1, text: 'Vent på meg <b>' } });
    const md = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(md).toMatch(/## Trenger deg \(1\)\n\n- \*\*#1\*\* Vent på meg &lt;b> \(.*\) – venter på godkjenning før det publiseres\n/u);
    expect(md).toContain('Venter på vurdering: 1');
    expect(md).toContain('## Endret status denne perioden\n\n- **#2**: til vurdering – Vi ser på \\*dette\\*');
    // Through the outbox and back, as the platforms get it.
    const parsed = parseDigest(serializeDigest(model));
    expect(parsed.followUp).toEqual(model.followUp);
    expect(parsed.attention).toEqual(model.attention);
    const slack = JSON.stringify(renderDigest(parsed, 'en', 'Europe/Oslo'));
    expect(slack).toContain('Waiting for review: 1');
    expect(slack).toContain(`"action_id":"${FOLLOW_UP_ACTIONS.approve}","value":"1"`);
    expect(slack).toContain(`"action_id":"${FOLLOW_UP_ACTIONS.hide}","value":"1"`);
    expect(slack).toContain('Status changed this period');
    const teams = JSON.stringify(digestCards(parsed, { locale: 'en', timeZone: 'Europe/Oslo' }));
    expect(teams).toContain(`"verb":"${FOLLOW_UP_VERBS.approve}"`);
    expect(teams).toContain('Status changed this period');
  });

  it('puts a sender’s answer to the group in "needs you", with a reply to go on, in every renderer', async () => {
    const { core, clock } = await setup();
    const { suggestion } = await core.submitSuggestion(sender, { text: 'Fiber til Trøgstad', anonymous: true });
    await core.setStatus(member, suggestion.id, 'considering', 'Vi ser på det');
    clock.advance(60_000);
    await core.answerMember(sender, suggestion.id, 'Takk! Når skjer det? <!channel>');
    clock.advance(60_000);
    const model = parseDigest(serializeDigest(await core.digestFor(core.previewPeriod())));
    expect(model.attention[0]).toMatchObject({ kind: 'answer', suggestion: { id: suggestion.id, anonymous: true }, text: 'Takk! Når skjer det? <!channel>' });
    const md = renderDigestMarkdown(model, { locale: 'nb', timeZone: 'Europe/Oslo' });
    expect(md).toContain('- **#1** avsenderen svarte på prosjektgruppen: «Takk! Når skjer det? &lt;!channel>»');
    const slack = JSON.stringify(renderDigest(model, 'en', 'Europe/Oslo'));
    expect(slack).toContain('Takk! Når skjer det? &lt;!channel&gt;');
    expect(slack).toContain('the sender answered the project group');
    expect(slack).toMatch(/"action_id":"innspill_digest_reply","text":\{[^}]*\},"value":"1"/);
    const teams = JSON.stringify(digestCards(model, { locale: 'en', timeZone: 'Europe/Oslo' }));
    expect(teams).toContain('the sender answered the project group');
    expect(teams).toContain('"suggestionId":1');
  });
});
