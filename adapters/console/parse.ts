import { subcommandOf } from '../../src/domain/commands.ts';

/** What a line typed in the playground asks for. Pure, so the grammar is tested without a terminal. */
export type ConsoleCommand =
  | { kind: 'suggest'; text: string }
  | { kind: 'form' }
  | { kind: 'help' }
  | { kind: 'mine' }
  | { kind: 'delete' }
  | { kind: 'profile' }
  | { kind: 'poll'; text: string }
  | { kind: 'vote'; pollId: number | null; option: number }
  | { kind: 'close' | 'reopen'; pollId: number | null }
  | { kind: 'polls' }
  | { kind: 'digest' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'unknown'; text: string };

const POLL_REF = /^(?:#?(\d+)\s+)?(\d+)$/;

export function parseConsoleLine(raw: string): ConsoleCommand {
  const line = raw.trim();
  if (line === '') return { kind: 'empty' };
  // A newcomer types "hjelp" before they know the commands; that is no suggestion.
  if (/^(hjelp|help)$/i.test(line)) return { kind: 'help' };
  if (!line.startsWith('/')) return { kind: 'suggest', text: line };
  const [head, ...rest] = line.split(/\s+/);
  const args = line.slice(head!.length).trim();
  switch (head!.toLowerCase()) {
    case '/innspill': {
      if (args === '') return { kind: 'form' };
      const sub = subcommandOf(args);
      return sub ? { kind: sub } : { kind: 'suggest', text: args };
    }
    case '/poll':
      return { kind: 'poll', text: args };
    case '/stem':
    case '/vote': {
      const m = POLL_REF.exec(args);
      return m ? { kind: 'vote', pollId: m[1] ? Number(m[1]) : null, option: Number(m[2]) } : { kind: 'unknown', text: line };
    }
    case '/steng':
    case '/close':
    case '/gjenåpne':
    case '/reopen': {
      const kind = head === '/steng' || head === '/close' ? 'close' : 'reopen';
      if (rest.length === 0) return { kind, pollId: null };
      const m = /^#?(\d+)$/.exec(args);
      return m ? { kind, pollId: Number(m[1]) } : { kind: 'unknown', text: line };
    }
    case '/avstemninger':
    case '/polls':
      return { kind: 'polls' };
    case '/mine':
      return { kind: 'mine' };
    case '/profil':
    case '/profile':
      return { kind: 'profile' };
    case '/slett':
    case '/delete':
      return { kind: 'delete' };
    case '/digest':
    case '/oppsummering':
      return { kind: 'digest' };
    case '/hjelp':
    case '/help':
      return { kind: 'help' };
    case '/avslutt':
    case '/quit':
    case '/exit':
      return { kind: 'quit' };
    default:
      return { kind: 'unknown', text: line };
  }
}
