import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor as coreActor } from '../helpers/core.ts';
import { actions, invokeCard, nodes, texts } from './card-reading.ts';
import { execute, message, startTeams, submit, type TeamsHarness } from './harness.ts';

const kari = { aad: 'aad-kari' };
const ola = { aad: 'aad-ola' };
const options = (n: number) => Array.from({ length: n }, (_, i) => `"Svar ${i + 1}"`).join(' ');

describe('a Teams poll with more than 10 options', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeams();
  });
  afterEach(async () => {
    await h.close();
  });

  it('is chosen in an Input.ChoiceSet and sent with one Action.Execute, whose choice is the vote', async () => {
    await h.post(message(h.connector, kari, `poll "Hvilken næring?" ${options(25)}`));
    const [posted] = h.connector.cards();
    const sets = nodes(posted!).filter((n) => n.type === 'Input.ChoiceSet');
    expect(sets).toHaveLength(1);
    const set = sets[0] as { id: string; choices: { title: string; value: string }[]; isRequired: boolean };
    expect(set.id).toBe('option');
    expect(set.choices).toHaveLength(25);
    expect(set.choices[24]).toEqual({ title: 'Svar 25', value: '24' });
    expect(set.isRequired).toBe(true);
    const votes = actions(posted!).filter((a) => a.verb === 'poll.vote');
    expect(votes).toHaveLength(1);
    expect(nodes(posted!).find((n) => n.type === 'Action.Execute' && n.verb === 'poll.vote')).toMatchObject({ associatedInputs: 'auto' });

    // Teams merges the inputs into the action's data: the choice arrives as a string.
    const card = invokeCard(await h.post(execute(h.connector, ola, 'poll.vote', { ...votes[0]!.data, option: '19' })));
    expect(await h.core.myChoices(coreActor('aad-ola', { platform: 'teams', workspaceId: 'tenant-1' }), 1)).toEqual([19]);
    const all = texts(card);
    expect(all.slice(all.indexOf('Svar 20') + 1, all.indexOf('Svar 20') + 4).join(' ')).toContain('Ditt valg');

    // The Action.Submit fallback of older clients comes the same way.
    await h.post(submit(h.connector, kari, 'poll.vote', { pollId: 1, option: '2' }));
    expect((await h.core.viewPoll(1)).tally!.counts.filter((n) => n > 0)).toEqual([1, 1]);
  });

  it('shows an option the poll does not have, or no choice, as a refusal on the card', async () => {
    await h.post(message(h.connector, kari, `poll "Q?" ${options(12)}`));
    const missing = invokeCard(await h.post(execute(h.connector, ola, 'poll.vote', { pollId: 1 })));
    expect(texts(missing).join('\n')).toContain('Det svaret finnes ikke i avstemningen.');
    const outside = invokeCard(await h.post(execute(h.connector, ola, 'poll.vote', { pollId: 1, option: '12' })));
    expect(texts(outside).join('\n')).toContain('Det svaret finnes ikke i avstemningen.');
    expect((await h.core.viewPoll(1)).voters).toBe(0);
  });

  it('keeps one button per option up to 10', async () => {
    await h.post(message(h.connector, kari, `poll "Q?" ${options(10)}`));
    const [posted] = h.connector.cards();
    expect(actions(posted!).filter((a) => a.verb === 'poll.vote')).toHaveLength(10);
    expect(nodes(posted!).filter((n) => n.type === 'Input.ChoiceSet')).toEqual([]);
  });

  it('refuses 26 options in the chat, in the user language', async () => {
    await h.post(message(h.connector, { aad: 'aad-john', locale: 'en-GB' }, `poll "Q?" ${options(26)}`));
    expect(h.connector.texts().at(-1)).toContain('A poll can have at most 25 answers (found 26).');
    expect(h.connector.cards()).toEqual([]);
  });
});
