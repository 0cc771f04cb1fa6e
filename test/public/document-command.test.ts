import { afterEach, describe, expect, it } from 'vitest';
import { parseDocumentCommand } from '../../src/domain/document.ts';
import { actor, testCore } from '../helpers/core.ts';
import { playgroundSession } from '../helpers/playground.ts';
import { slackHarness, type SlackHarness } from '../slack/harness.ts';
import { message, startTeams, type TeamsHarness } from '../teams/harness.ts';

describe('/innspill dokument <url> <title>', () => {
  it('is the command only with a link or nothing after the word, so suggestions that start with it stay suggestions', () => {
    expect(parseDocumentCommand('dokument https://example.org/r.pdf Referat fra møtet')).toEqual({ url: 'https://example.org/r.pdf', title: 'Referat fra møtet' });
    expect(parseDocumentCommand('Document  http://example.org  Slides ')).toEqual({ url: 'http://example.org', title: 'Slides' });
    expect(parseDocumentCommand('dokument')).toEqual({ usage: true });
    expect(parseDocumentCommand('dokument https://example.org')).toEqual({ usage: true });
    expect(parseDocumentCommand('dokumenter fra kommunen er vanskelige å finne')).toBeNull();
    expect(parseDocumentCommand('dokument fra kommunen er vanskelig å finne')).toBeNull();
    expect(parseDocumentCommand('dokument javascript:alert(1) X')).toEqual({ url: 'javascript:alert(1)', title: 'X' });
  });

  it('publishes a member’s link from the playground and refuses everyone else', async () => {
    const { core } = testCore();
    const kari = actor('kari', { platform: 'console', workspaceId: 'local' });
    const ola = actor('ola', { platform: 'console', workspaceId: 'local', locale: 'en' });
    await core.members.add(kari.id, new Date());
    const talk = (who: typeof kari, lines: string[]) => playgroundSession(core, who, lines);
    const mine = await talk(kari, ['/innspill dokument https://example.org/referat.pdf Referat 1. møte', '/innspill dokument javascript:alert(1) X', 'dokument']);
    expect(mine).toContain('Dokument 1 er publisert: Referat 1. møte');
    expect(mine).toContain('Bruk: /innspill dokument <lenke> <tittel>');
    const theirs = await talk(ola, ['/innspill document https://example.org/x Mine']);
    expect(theirs).toContain('You are not allowed to do this. Ask the project group if you need to.');
    expect((await core.listDocuments()).map((d) => [d.title, d.url])).toEqual([['Referat 1. møte', 'https://example.org/referat.pdf']]);
    expect((await core.mine(kari)).suggestions).toEqual([]);
  });
});

describe('the document command on Slack and Teams', () => {
  let slack: SlackHarness | null = null;
  let teams: TeamsHarness | null = null;
  afterEach(async () => {
    await slack?.close();
    await teams?.close();
    slack = teams = null;
  });

  it('publishes from a Slack slash command, escaping the title in the answer', async () => {
    slack = await slackHarness();
    await slack.core.members.add(actor('U1').id, new Date());
    const res = await slack.command('dokument https://example.org/a.pdf Referat <!channel>');
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text).toBe('Dokument 1 er publisert: Referat &lt;!channel&gt;');
    expect((await slack.core.listDocuments())[0]!.title).toBe('Referat <!channel>');
  });

  it('publishes from a Teams message by a member', async () => {
    teams = await startTeams();
    await teams.core.members.add('teams:tenant-1:aad-kari', new Date());
    await teams.post(message(teams.connector, { aad: 'aad-kari' }, 'innspill dokument https://example.org/s Lysark'));
    expect(teams.connector.calls[0]!.activity.text).toContain('Dokument 1 er publisert: Lysark');
    expect((await teams.core.listDocuments()).map((d) => d.url)).toEqual(['https://example.org/s']);
  });
});
