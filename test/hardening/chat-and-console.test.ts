import { describe, expect, it } from 'vitest';
import { chat } from '../helpers/playground.ts';
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
    const { text } = await chat(['/poll', '/poll help']);
    expect(text.match(/--stenger 3d/g)).toHaveLength(2);
    expect(text).not.toContain('anførselstegn»');
  });
});


describe('console forms', () => {
  it('ask again when an answer does not fit: "kanskje" to yes/no, area 8 of 6', async () => {
    const { text, core, me } = await chat(['/innspill', '9', '1', 'Bedre vei', 'kanskje', 'j', 'n', '/profil', 'AS', '8', '2', '', '', '/mine']);
    expect(text).toContain('Svar j (ja) eller n (nei), eller /avbryt.');
    expect(text).toContain('Velg et tall fra 1 til 6, trykk Enter for å hoppe over, eller /avbryt.');
    const mine = await core.mine(me);
    expect(mine.suggestions).toHaveLength(1);
    expect(mine.suggestions[0]).toMatchObject({ text: 'Bedre vei', anonymous: true });
    expect(await core.getProfile(me)).toMatchObject({ companyName: 'AS', area: expect.any(String) });
  });

  it('are cancelled by /avbryt at any prompt, and nothing is stored', async () => {
    const { text, core, me } = await chat(['/innspill', '1', 'Halvferdig', '/avbryt', 'hjelp']);
    expect(text).toContain('Avbrutt – ingenting ble lagret.');
    expect((await core.mine(me)).suggestions).toHaveLength(0);
  });

  it('"hjelp" or "help" shows help instead of storing a suggestion, and English mode is English throughout', async () => {
    const nb = await chat(['hjelp']);
    expect((await nb.core.mine(nb.me)).suggestions).toHaveLength(0);
    expect(nb.text).toContain('/avstemninger');
    const en = await chat(['help', '/innspill', '1', 'x', 'maybe', '/cancel'], { locale: 'en' });
    expect((await en.core.mine(en.me)).suggestions).toHaveLength(0);
    expect(en.text).toContain('/innspill help · /quit');
    expect(en.text).toContain('/vote [poll] <no>');
    expect(en.text).toContain('Answer y (yes) or n (no), or /cancel.');
    expect(en.text).toContain('Cancelled: nothing was saved.');
    expect(en.text).not.toMatch(/hjelp|avslutt|\(j\/n\)/);
  });
});
