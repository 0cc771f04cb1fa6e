import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorFrom } from '../../src/domain/participant.ts';
import { serializeDigest } from '../../src/digest/serialize.ts';
import { catalog } from '../../src/i18n/index.ts';
import type { OutboundMessage, OutboundPayload } from '../../src/ports/delivery.ts';
import pino from 'pino';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import { CARD_BUDGET_BYTES } from '../../adapters/teams/cards/pack.ts';
import { actions, invokeCard, invokeMessage, nodes, texts, type Card } from './card-reading.ts';
import { activity, execute, startTeams, TENANT, type Person, type TeamsHarness } from './harness.ts';

const kari: Person = { aad: 'aad-kari', name: 'Kari Medlem' };
const ola: Person = { aad: 'aad-ola', name: 'Ola Avsender' };
const john: Person = { aad: 'aad-john', name: 'John Guest', locale: 'en-GB' };
const idOf = (p: Person) => `teams:${TENANT}:${p.aad}` as const;
const actorOf = (p: Person) => actorFrom({ platform: 'teams', workspaceId: TENANT, userId: p.aad }, 'nb');

const PERIOD = { start: new Date('2026-11-16T00:00:00Z'), end: new Date('2026-11-24T00:00:00Z') };
const pageData = (page: number) => ({ topic: 'growth', start: PERIOD.start.getTime(), end: PERIOD.end.getTime(), page });

describe('the digest in Teams', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeams();
    await h.core.members.add(idOf(kari), h.clock());
    for (const p of [kari, ola]) await h.post(activity(h.connector, p, { type: 'installationUpdate', action: 'add' }));
  });
  afterEach(async () => {
    await h.close();
  });

  const suggest = async (n: number, text: (i: number) => string, anonymous = true) => {
    for (let i = 0; i < n; i++) await h.core.submitSuggestion(actorOf(ola), { topic: 'growth', text: text(i), anonymous });
  };
  /** The digest to Kari, queued in the outbox as a digest run queues it; the message carries the row's part progress. */
  const digestMessage = async (): Promise<OutboundMessage> => {
    const payload = { type: 'digest', locale: 'nb', digest: serializeDigest(await h.core.digestFor(PERIOD)) } satisfies OutboundPayload;
    const recipient = { kind: 'user' as const, userId: idOf(kari) };
    const queued = await h.store.digestRuns.record(
      { slot: h.clock(), periodStart: PERIOD.start, periodEnd: PERIOD.end, manual: true },
      [{ platform: 'teams', workspaceId: TENANT, recipient, payload, dedupeKey: idOf(kari), label: idOf(kari) }],
      h.clock(),
    );
    const id = queued!.messageIds[0]!;
    return { id, platform: 'teams', workspaceId: TENANT, recipient, payload, attempt: 1, parts: { sent: 0, record: (sent) => h.store.outbox.recordPartsSent(id, sent) } };
  };
  /** The outbox row's progress as a new attempt reads it. */
  const again = async (message: OutboundMessage, attempt: number): Promise<OutboundMessage> => ({
    ...message,
    attempt,
    parts: { ...message.parts!, sent: (await h.store.outbox.get(message.id))!.partsSent },
  });
  const partsSent = async (id: number) => (await h.store.outbox.get(id))!.partsSent;
  const suggestionIds = (cards: Card[]) => cards.flatMap((card) => actions(card).filter((a) => a.verb === 'digest.reply').map((a) => a.data.suggestionId));
  const postedCards = (from: number) => h.connector.calls.slice(from).flatMap((c) => (c.activity.attachments ?? []).map((a) => a.content as Card));

  it('posts a long digest in parts, in order, and after a 500 on part 2 a restarted worker posts part 2 onwards only', async () => {
    // A busy machine must not turn a slow first part into a timeout: this test is about parts, not time.
    await h.close();
    h = await startTeams({ sendTimeoutMs: 120_000 });
    await h.core.members.add(idOf(kari), h.clock());
    for (const p of [kari, ola]) await h.post(activity(h.connector, p, { type: 'installationUpdate', action: 'add' }));
    // Long messages to the group: "needs you" shows ten of them in full, more than one card holds.
    await suggest(60, (i) => `Kan dere svare på innspill ${i + 1}? ${'mer tekst om saken '.repeat(145)}`);
    const message = await digestMessage();
    const before = h.connector.calls.length;
    /** A worker as a (re)started process runs it, on the fake clock. */
    const run = async (owner: string) => {
      const worker = createOutboxWorker({ store: h.store.outbox, senders: [h.teams.sender], clock: h.clock, owner, log: pino({ level: 'silent' }) });
      await worker.pump();
      await worker.settled();
      await worker.stop();
    };

    h.connector.answerNext(200, {}, { id: 'part-1' });
    h.connector.answerNext(500);
    await run('first');
    expect(h.connector.calls.length - before).toBe(2);
    expect(await h.store.outbox.get(message.id)).toMatchObject({ status: 'pending', partsSent: 1, lastError: expect.stringContaining('teams_500') });

    h.clock.set((await h.store.outbox.nextDue())!);
    await run('restarted');
    const calls = h.connector.calls.slice(before);
    expect(calls.every((c) => c.conversationId === `a:chat-${kari.aad}` && c.replyToId === null)).toBe(true);
    // Part 1 once, the failed part 2 and then parts 2.. once each.
    const delivered = [calls[0]!, ...calls.slice(2)].map((c) => c.activity.attachments![0]!.content as Card);
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    delivered.forEach((card, i) => expect(texts(card)[0]).toContain(`Del ${i + 1} av ${delivered.length}`));
    expect(suggestionIds(delivered)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    for (const call of calls) expect(Buffer.byteLength(JSON.stringify(call.activity))).toBeLessThan(28_000);
    for (const card of delivered) expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(await h.store.outbox.get(message.id)).toMatchObject({ status: 'sent', partsSent: delivered.length });

    // Tried again though sent in full (an operator's retry after an interrupted send): nothing is posted twice.
    const after = h.connector.calls.length;
    await h.store.outbox.markDead(message.id, 'interrupted while sending');
    expect(await h.store.outbox.retry(message.id, h.clock())).toBe(true);
    await run('operator');
    expect(h.connector.calls.length).toBe(after);
    expect(await h.store.outbox.get(message.id)).toMatchObject({ status: 'sent' });
  });

  it('starts no further part once a part has timed out, and the retry goes on after the part that landed late', async () => {
    await h.close();
    h = await startTeams({ sendTimeoutMs: 400 });
    await h.core.members.add(idOf(kari), h.clock());
    await h.post(activity(h.connector, kari, { type: 'installationUpdate', action: 'add' }));
    await suggest(40, (i) => `Kan dere svare på innspill ${i + 1}? ${'mer tekst om saken '.repeat(145)}`);
    const message = await digestMessage();
    const before = h.connector.calls.length;

    h.connector.answerNext(200, {}, { id: 'part-1' });
    h.connector.delayNext(900);
    expect(await h.teams.sender.deliver(message)).toMatchObject({ ok: false, retryable: true, error: 'teams_timeout' });
    // The slow part 2 still lands and is recorded; part 3 is never started by this attempt.
    await expect.poll(() => partsSent(message.id), { timeout: 3000 }).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.connector.calls.length - before).toBe(2);

    expect(await h.teams.sender.deliver(await again(message, 2))).toMatchObject({ ok: true });
    const delivered = h.connector.calls.slice(before).map((c) => c.activity.attachments![0]!.content as Card);
    expect(suggestionIds(delivered)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('sends a short digest as one card without keeping track of parts', async () => {
    await suggest(2, (i) => `Kort innspill ${i}`);
    const before = h.connector.calls.length;
    const message = await digestMessage();
    expect(await h.teams.sender.deliver(message)).toMatchObject({ ok: true });
    const cards = postedCards(before);
    expect(cards).toHaveLength(1);
    expect(texts(cards[0]!).join('\n')).toContain('Kort innspill 0');
    expect(texts(cards[0]!).join('\n')).toContain('Kort innspill 1');
    expect(await partsSent(message.id)).toBe(0);
  });

  it('lets a member reply to an anonymous sender through the outbox, without learning who it is', async () => {
    await suggest(1, () => 'Vi trenger bredbånd på Momarken');
    const before = h.connector.calls.length;

    // The click on the digest leaves the digest alone and posts the form below it.
    expect(invokeMessage(await h.post(execute(h.connector, kari, 'digest.reply', { suggestionId: 1 })))).toBe(catalog('nb').teams.replyFormPosted);
    const [form] = postedCards(before);
    const input = nodes(form).find((n) => n.type === 'Input.Text')!;
    expect(input).toMatchObject({ id: 'text', isMultiline: true, maxLength: 2000 });
    expect(actions(form!)).toEqual([expect.objectContaining({ verb: 'digest.reply.send', data: { suggestionId: 1, verb: 'digest.reply.send' } })]);
    expect(JSON.stringify(form)).not.toMatch(/aad-ola|Ola Avsender/);

    const done = invokeCard(await h.post(execute(h.connector, kari, 'digest.reply.send', { suggestionId: 1, text: 'Takk! Vi tar det opp på møtet.' })));
    expect(texts(done).join('\n')).toContain('Svaret på innspill #1 er sendt til avsenderen.');
    expect(JSON.stringify(done)).not.toMatch(/aad-ola|Ola Avsender/);

    const [queued] = await h.core.outbox.list(['pending'], 10);
    expect(queued).toMatchObject({
      platform: 'teams',
      workspaceId: TENANT,
      recipient: { kind: 'sealed', sealed: expect.any(String) },
      payload: { type: 'reply', suggestionId: 1, text: 'Takk! Vi tar det opp på møtet.' },
      label: 'reply to #1',
    });
    expect(JSON.stringify(queued)).not.toContain(ola.aad);
    const sealed = queued!.recipient.kind === 'sealed' ? queued!.recipient.sealed! : '';

    // The outbox's send (which opens the sealed recipient only then) reaches Ola's own chat.
    expect(await h.teams.sender.deliver({ ...queued!, recipient: h.core.openRecipient(sealed), attempt: 1 })).toMatchObject({ ok: true });
    expect(h.connector.calls.at(-1)).toMatchObject({ conversationId: `a:chat-${ola.aad}` });
    expect(JSON.stringify(h.connector.calls.at(-1)!.activity.attachments)).toContain('Takk! Vi tar det opp på møtet.');
  });

  it('queues one reply when the send button on one form is clicked twice', async () => {
    await suggest(1, () => 'Vi trenger bredbånd på Momarken');
    const click = () => h.post({ ...execute(h.connector, kari, 'digest.reply.send', { suggestionId: 1, text: 'Takk!' }), replyToId: 'form-message-1' });
    invokeCard(await click());
    h.clock.advance(400);
    invokeCard(await click());
    expect(await h.core.outbox.list(['pending'], 10)).toHaveLength(1);
  });

  it('keeps the form with its text when the reply is refused: empty, too long, or from a non-member', async () => {
    await suggest(1, () => 'Et innspill');
    const empty = invokeCard(await h.post(execute(h.connector, kari, 'digest.reply.send', { suggestionId: 1, text: '   ' })));
    expect(texts(empty).join('\n')).toContain('Innspillet er tomt');

    const long = 'x'.repeat(2001);
    const tooLong = invokeCard(await h.post(execute(h.connector, kari, 'digest.reply.send', { suggestionId: 1, text: long })));
    expect(nodes(tooLong).find((n) => n.type === 'Input.Text')).toMatchObject({ value: long });

    expect(invokeMessage(await h.post(execute(h.connector, john, 'digest.reply', { suggestionId: 1 })))).toBe(catalog('en').teams.membersOnly);
    const refused = invokeCard(await h.post(execute(h.connector, john, 'digest.reply.send', { suggestionId: 1, text: 'Hello sender' })));
    expect(texts(refused)).toContain(catalog('en').teams.membersOnly);
    expect(nodes(refused).find((n) => n.type === 'Input.Text')).toMatchObject({ value: 'Hello sender' });

    const missing = invokeCard(await h.post(execute(h.connector, kari, 'digest.reply.send', { suggestionId: 99, text: 'Hei' })));
    expect(texts(missing).join('\n')).toContain('Fant ikke innspillet');
    expect(invokeMessage(await h.post(execute(h.connector, kari, 'digest.reply', {})))).toBe(catalog('nb').teams.staleCard);
    expect(await h.core.outbox.list(['pending'], 10)).toEqual([]);
  });

  it('shows all of a topic’s suggestions page by page, to members only', async () => {
    await suggest(55, (i) => `Innspill nummer ${i + 1}`, false);
    const before = h.connector.calls.length;
    expect(invokeMessage(await h.post(execute(h.connector, kari, 'digest.seeAll', pageData(0))))).toBe(catalog('nb').teams.seeAllPosted);
    const first = postedCards(before);
    expect(suggestionIds(first)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(texts(first[0]!).join('\n')).toContain('Alle nye innspill om «Vekst, innovasjon og gründerskap»');
    const next = actions(first.at(-1)!).find((a) => a.verb === 'digest.page')!;
    expect(next).toMatchObject({ title: 'Neste side', data: { ...pageData(1), verb: 'digest.page' } });

    // The next page replaces the list it was asked from.
    const second = invokeCard(await h.post(execute(h.connector, kari, 'digest.page', next.data)));
    expect(suggestionIds([second])).toEqual([51, 52, 53, 54, 55]);
    expect(actions(second).filter((a) => a.verb === 'digest.page')).toEqual([expect.objectContaining({ title: 'Forrige side', data: { ...pageData(0), verb: 'digest.page' } })]);

    expect(invokeMessage(await h.post(execute(h.connector, john, 'digest.seeAll', pageData(0))))).toBe(catalog('en').teams.membersOnly);
    expect(invokeMessage(await h.post(execute(h.connector, kari, 'digest.seeAll', { ...pageData(0), start: 'yesterday' })))).toBe(catalog('nb').teams.staleCard);
  });

  it('spreads a page of long suggestions over several cards: the first answers the click, the rest follow', async () => {
    await suggest(50, (i) => `${'Et langt innspill. '.repeat(150)}#${i + 1}`);
    const before = h.connector.calls.length;
    const first = invokeCard(await h.post(execute(h.connector, kari, 'digest.page', pageData(0))));
    const rest = postedCards(before);
    expect(rest.length).toBeGreaterThan(2);
    for (const card of [first, ...rest]) expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(suggestionIds([first, ...rest])).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(texts(first)[0]).toBe(`Del 1 av ${rest.length + 1}`);
  });
});
