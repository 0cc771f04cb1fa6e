import { describe, expect, it } from 'vitest';
import { decideVote, pollRevision } from '../../src/domain/poll.ts';
import { InnspillError } from '../../src/errors.ts';
import { actor, testCore } from '../helpers/core.ts';

const now = new Date('2026-11-23T10:00:00Z');
const single = { options: ['A', 'B', 'C'], multipleChoice: false, closedAt: null, closesAt: null };
const multiple = { ...single, multipleChoice: true };

describe('vote rules', () => {
  it('records a first click', () => {
    expect(decideVote(single, [], 1, now)).toEqual({ ok: true, choices: [1], change: 'added' });
  });
  it('moves a single-choice vote to another option', () => {
    expect(decideVote(single, [1], 2, now)).toEqual({ ok: true, choices: [2], change: 'moved' });
  });
  it('keeps a single-choice vote on a repeated click, so a double click never undoes it', () => {
    expect(decideVote(single, [1], 1, now)).toEqual({ ok: true, choices: [1], change: 'unchanged' });
  });
  it('adds and removes options in multiple choice', () => {
    expect(decideVote(multiple, [0], 2, now)).toEqual({ ok: true, choices: [0, 2], change: 'added' });
    expect(decideVote(multiple, [0, 2], 0, now)).toEqual({ ok: true, choices: [2], change: 'removed' });
  });
  it('refuses after closing, by hand or by time', () => {
    expect(decideVote({ ...single, closedAt: now }, [], 0, now)).toEqual({ ok: false, code: 'poll_closed' });
    expect(decideVote({ ...single, closesAt: now }, [], 0, now)).toEqual({ ok: false, code: 'poll_closed' });
  });
  it('refuses options that do not exist', () => {
    expect(decideVote(single, [], 3, now)).toEqual({ ok: false, code: 'poll_bad_option' });
    expect(decideVote(single, [], -1, now)).toEqual({ ok: false, code: 'poll_bad_option' });
    expect(decideVote(single, [], 0.5, now)).toEqual({ ok: false, code: 'poll_bad_option' });
  });
});

describe('voting through the core', () => {
  async function poll(text = '"Hvilken dag?" "Tirsdag" "Torsdag"', who = actor('creator')) {
    const { core, clock, store } = testCore();
    const result = await core.createPollFromText(who, text, { channelId: 'C1' });
    if (!result.ok) throw new Error(result.syntax.code);
    return { core, clock, store, poll: result.poll };
  }

  it('counts many voters and a change of mind', async () => {
    const { core, poll: p } = await poll();
    await Promise.all(Array.from({ length: 50 }, (_, i) => core.vote(actor(`U${i}`), p.id, i % 2)));
    await core.vote(actor('U0'), p.id, 1);
    const view = await core.viewPoll(p.id);
    expect(view.tally).toEqual({ counts: [24, 26], voters: 50 });
  });

  it('stores a replayed click once, also in multiple choice where a second click would undo it', async () => {
    const { core, poll: p } = await poll('"Q?" "A" "B" --multiple');
    const first = await core.vote(actor('U1'), p.id, 0, { dedupeKey: 'U1:1700000000.1' });
    const replay = await core.vote(actor('U1'), p.id, 0, { dedupeKey: 'U1:1700000000.1' });
    expect(first).toMatchObject({ choices: [0], duplicate: false });
    expect(replay).toMatchObject({ choices: [0], duplicate: true });
    expect((await core.viewPoll(p.id)).tally?.counts).toEqual([1, 0]);
  });

  it('refuses a click drawn for other answers than the poll has now, and writes nothing', async () => {
    const creator = actor('creator');
    const { core, store, poll: p } = await poll(undefined, creator);
    const drawn = pollRevision(p);
    expect(drawn).toMatch(/^[0-9a-f]{8}$/);
    expect(pollRevision({ question: p.question, options: ['Tirsdag', 'Fredag'] })).not.toBe(drawn);
    await core.pollPlans.edit(creator, p.id, p.question, ['Tirsdag', 'Fredag']);
    await expect(core.vote(actor('U1'), p.id, 1, { revision: drawn })).rejects.toMatchObject({ code: 'poll_changed' });
    expect((await store.participants.list()).map((x) => x.id)).toEqual([creator.id]);
    expect((await core.viewPoll(p.id)).voters).toBe(0);
    const now = (await core.viewPoll(p.id)).poll;
    await expect(core.vote(actor('U1'), p.id, 1, { revision: pollRevision(now) })).resolves.toMatchObject({ choices: [1] });
    // A button from before buttons said what they were drawn for is taken as it is.
    await expect(core.vote(actor('U2'), p.id, 0)).resolves.toMatchObject({ choices: [0] });
  });

  it('refuses votes after closing with a clear code, and takes them again after reopening', async () => {
    const creator = actor('creator');
    const { core, poll: p } = await poll(undefined, creator);
    await core.closePoll(creator, p.id);
    await expect(core.vote(actor('U1'), p.id, 0)).rejects.toMatchObject({ code: 'poll_closed' });
    await core.reopenPoll(creator, p.id);
    await expect(core.vote(actor('U1'), p.id, 0)).resolves.toMatchObject({ choices: [0] });
  });

  it('closes by time', async () => {
    const { core, clock, poll: p } = await poll('"Q?" "A" "B" --closes 1h');
    clock.advance(3_600_000);
    await expect(core.vote(actor('U1'), p.id, 0)).rejects.toMatchObject({ code: 'poll_closed' });
  });

  it('lets only the creator or a member close a poll', async () => {
    const { core, poll: p } = await poll();
    await expect(core.closePoll(actor('someone'), p.id)).rejects.toMatchObject({ code: 'not_allowed' });
    const member = actor('member');
    await core.members.add(member.id, new Date());
    await expect(core.closePoll(member, p.id)).resolves.toMatchObject({ id: p.id });
  });

  it('keeps a channel poll inside its workspace', async () => {
    const { core, poll: p } = await poll();
    await expect(core.vote(actor('U1', { workspaceId: 'T2' }), p.id, 0)).rejects.toMatchObject({ code: 'poll_other_workspace' });
  });

  it('counts votes from Slack and Teams together on a poll to everyone', async () => {
    const { core } = testCore();
    const member = actor('member');
    await core.members.add(member.id, new Date());
    const result = await core.createPollFromText(member, '"Q?" "A" "B" --everyone', { channelId: 'C1' });
    if (!result.ok) throw new Error('poll');
    await core.vote(actor('U1'), result.poll.id, 0);
    await core.vote(actor('aad-1', { platform: 'teams', workspaceId: 'tenant-1' }), result.poll.id, 0);
    await core.vote(actor('me', { platform: 'console', workspaceId: 'local' }), result.poll.id, 1);
    expect((await core.viewPoll(result.poll.id)).tally).toEqual({ counts: [2, 1], voters: 3 });
  });

  it('keeps channel polls to members when participants may not start them', async () => {
    const { core } = testCore({ participantPolls: false });
    await expect(core.createPollFromText(actor('U1'), '"Q?" "A" "B"', { channelId: 'C1' })).rejects.toMatchObject({ code: 'not_allowed' });
    const member = actor('M1');
    await core.members.add(member.id, new Date());
    await expect(core.createPollFromText(member, '"Q?" "A" "B"', { channelId: 'C1' })).resolves.toMatchObject({ ok: true });
  });

  it('lets only members send a poll to everyone', async () => {
    const { core } = testCore();
    await expect(core.createPollFromText(actor('U1'), '"Q?" "A" "B" --everyone', { channelId: 'C1' })).rejects.toBeInstanceOf(InnspillError);
  });

  it('hides counts until closing when asked, but not the number of voters', async () => {
    const creator = actor('creator');
    const { core, poll: p } = await poll('"Q?" "A" "B" --hidden', creator);
    await core.vote(actor('U1'), p.id, 1);
    expect(await core.viewPoll(p.id)).toMatchObject({ tally: null, voters: 1, open: true });
    await core.closePoll(creator, p.id);
    expect(await core.viewPoll(p.id)).toMatchObject({ tally: { counts: [0, 1] }, open: false });
  });

  it('refuses a closing time in the past', async () => {
    const { core } = testCore();
    await expect(core.createPollFromText(actor(), '"Q?" "A" "B" --closes 2020-01-01', { channelId: 'C' })).rejects.toMatchObject({ code: 'poll_invalid' });
  });
});
