import { describe, expect, it } from 'vitest';
import { subcommandOf } from '../../src/domain/commands.ts';

describe('subcommands', () => {
  it.each([
    ['hjelp', 'help'], ['HELP', 'help'], [' mine ', 'mine'], ['slett', 'delete'], ['delete', 'delete'], ['profil', 'profile'], ['Profile', 'profile'],
  ] as const)('reads %j as %s', (word, command) => {
    expect(subcommandOf(word)).toBe(command);
  });

  it.each([['hjelp til gründere'], ['toString'], ['constructor'], ['']])('leaves %j to be a suggestion', (text) => {
    expect(subcommandOf(text)).toBeNull();
  });
});
