import { subcommandOf } from '../../src/domain/commands.ts';

/** What a chat message to the bot asks for, once the @mention is gone. Pure, so the grammar is tested alone. */
export type TeamsCommand =
  | { kind: 'suggest'; text: string }
  | { kind: 'form' }
  | { kind: 'poll'; text: string }
  | { kind: 'mine' }
  | { kind: 'delete' }
  | { kind: 'profile' }
  | { kind: 'help' }
  | { kind: 'review' }
  | { kind: 'contact' };

export function parseTeamsCommand(raw: string): TeamsCommand {
  const text = raw.trim().replace(/^\//, '');
  if (text === '') return { kind: 'help' };
  const head = text.split(/\s+/, 1)[0]!;
  const rest = text.slice(head.length).trim();
  const word = head.toLowerCase();
  if (word === 'innspill') {
    if (rest === '') return { kind: 'form' };
    const sub = subcommandOf(rest);
    return sub ? { kind: sub } : { kind: 'suggest', text: rest };
  }
  if (word === 'poll' || word === 'avstemning') return { kind: 'poll', text: rest };
  // A command word alone also works without `innspill`; in a sentence ("Hjelp til gründere …") it is a suggestion.
  const sub = rest === '' ? subcommandOf(word) : null;
  if (sub) return { kind: sub };
  return { kind: 'suggest', text };
}

interface MentionEntity {
  type: string;
  mentioned?: { id?: string };
  text?: string;
}

/**
 * The message text without the bot's @mention (`<at>Innspill</at>` in channels and group chats).
 * Teams puts non-breaking spaces around mentions; they become plain spaces.
 */
export function stripBotMention(text: string | undefined, entities: readonly unknown[] | undefined, botId: string | undefined): string {
  let out = text ?? '';
  for (const entity of (entities ?? []) as MentionEntity[]) {
    if (entity?.type?.toLowerCase() !== 'mention' || !entity.text) continue;
    if (botId && entity.mentioned?.id !== botId) continue;
    out = out.split(entity.text).join(' ');
  }
  return out.replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, (s) => (s.includes('\n') ? '\n' : ' ')).trim();
}
