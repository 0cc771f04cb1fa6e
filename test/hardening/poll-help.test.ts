import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../adapters/console/playground.ts';
import { actor, testCore } from '../helpers/core.ts';
import { slackHarness } from '../slack/harness.ts';
import { message, startTeams } from '../teams/harness.ts';

const FLAGS_NB = ['--flere', '--anonym', '--skjult', '--stenger'];

describe('/poll help', () => {
  it('on Slack answers with the syntax and every flag, members also --alle; /poll alone too, beside the form', async () => {
    const h = await slackHarness();
    try {
      const help = await h.command('help', { command: '/poll' });
      expect(help.json.response_type).toBe('ephemeral');
      for (const flag of FLAGS_NB) expect(help.json.text).toContain(flag);
      expect(help.json.text).not.toContain('--alle');

      await h.core.members.add('slack:T1:U1', new Date());
      const member = await h.command('hjelp', { command: '/poll' });
      expect(member.json.text).toContain('--alle (--everyone)');

      const alone = await h.command('', { command: '/poll' });
      expect(alone.json.text).toContain('--stenger');
      await h.api.waitFor((calls) => calls.some((c) => c.method === 'views.open'));
    } finally {
      await h.close();
    }
  });

  it('on Teams answers in the chat', async () => {
    const h = await startTeams();
    try {
      expect((await h.post(message(h.connector, { aad: 'aad-kari', locale: 'en-US' }, 'poll help'))).status).toBe(200);
      const text = h.connector.texts()[0]!;
      for (const flag of ['--multiple', '--anonymous', '--hidden', '--closes']) expect(text).toContain(flag);
    } finally {
      await h.close();
    }
  });

  it('in the console, for /poll alone and /poll help', async () => {
    const { core } = testCore();
    const me = actor('kari', { platform: 'console', workspaceId: 'local' });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString()));
    input.end('/poll\n/poll help\n');
    await runPlayground(core, me, { input, output });
    expect(text.match(/--stenger 3d/g)).toHaveLength(2);
    expect(text).not.toContain('anførselstegn»');
  });
});
