import { describe, expect, it } from 'vitest';
import { parseConsoleLine } from '../../adapters/console/parse.ts';

describe('playground commands', () => {
  it.each([
    ['Bedre veier', { kind: 'suggest', text: 'Bedre veier' }],
    ['/innspill Bedre veier', { kind: 'suggest', text: 'Bedre veier' }],
    ['/innspill', { kind: 'form' }],
    ['/innspill hjelp', { kind: 'help' }],
    ['/innspill mine', { kind: 'mine' }],
    ['/innspill slett', { kind: 'delete' }],
    ['/innspill profile', { kind: 'profile' }],
    ['/poll "Q?" "A" "B"', { kind: 'poll', text: '"Q?" "A" "B"' }],
    ['/stem 2', { kind: 'vote', pollId: null, option: 2 }],
    ['/vote 7 1', { kind: 'vote', pollId: 7, option: 1 }],
    ['/vote #7 1', { kind: 'vote', pollId: 7, option: 1 }],
    ['/steng', { kind: 'close', pollId: null }],
    ['/reopen 3', { kind: 'reopen', pollId: 3 }],
    ['/digest', { kind: 'digest' }],
    ['/avslutt', { kind: 'quit' }],
    ['   ', { kind: 'empty' }],
    ['/vote two', { kind: 'unknown', text: '/vote two' }],
    ['/dance', { kind: 'unknown', text: '/dance' }],
  ])('reads %j', (line, command) => {
    expect(parseConsoleLine(line)).toEqual(command);
  });
});
