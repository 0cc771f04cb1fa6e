import { describe, expect, it } from 'vitest';
import { parseTeamsCommand, stripBotMention } from '../../adapters/teams/parse.ts';
import { chatText } from '../../adapters/teams/reply.ts';

describe('Teams command grammar', () => {
  it.each([
    ['', { kind: 'help' }],
    ['hjelp', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['/mine', { kind: 'mine' }],
    ['slett', { kind: 'delete' }],
    ['delete', { kind: 'delete' }],
    ['profil', { kind: 'profile' }],
    ['innspill', { kind: 'form' }],
    ['Innspill profil', { kind: 'profile' }],
    ['innspill Bedre veier', { kind: 'suggest', text: 'Bedre veier' }],
    ['poll', { kind: 'poll', text: '' }],
    ['poll "Q?" "A" "B"', { kind: 'poll', text: '"Q?" "A" "B"' }],
    ['Hjelp til gründere er viktig', { kind: 'suggest', text: 'Hjelp til gründere er viktig' }],
    ['Mine ansatte trenger buss', { kind: 'suggest', text: 'Mine ansatte trenger buss' }],
    ['constructor', { kind: 'suggest', text: 'constructor' }],
    ['innspill toString', { kind: 'suggest', text: 'toString' }],
  ])('reads %j', (text, command) => {
    expect(parseTeamsCommand(text)).toEqual(command);
  });
});

describe('mention stripping', () => {
  const bot = { type: 'mention', text: '<at>Innspill</at>', mentioned: { id: '28:bot' } };
  const person = { type: 'mention', text: '<at>Kari</at>', mentioned: { id: '29:kari' } };

  it('removes only the bot’s mention and the non-breaking spaces around it', () => {
    expect(stripBotMention('<at>Innspill</at>&nbsp;hjelp', [bot], '28:bot')).toBe('hjelp');
    expect(stripBotMention('<at>Innspill</at>\u00a0Ros til <at>Kari</at>', [bot, person], '28:bot')).toBe('Ros til <at>Kari</at>');
    expect(stripBotMention('Bare tekst', undefined, '28:bot')).toBe('Bare tekst');
  });
});

describe('chat text escaping', () => {
  it('neutralises links, mentions, emphasis, headings and HTML, and keeps line breaks', () => {
    expect(chatText('[x](https://evil.example) <at>Alle</at> **b** _i_ `c` ~s~ a|b & c\n# H')).toBe(
      '\\[x\\](https://evil.example) &lt;at&gt;Alle&lt;/at&gt; \\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~s\\~ a\\|b &amp; c<br>\\# H',
    );
  });
});
