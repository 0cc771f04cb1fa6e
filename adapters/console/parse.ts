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
  | { kind: 'unknown'; text: string }
  | { kind: 'review' }
  | { kind: 'contact' }
  | { kind: 'approve' | 'restore'; ref: string }
  | { kind: 'hide'; ref: string; reason: string }
  | { kind: 'status'; ref: string; status: string; note: string }
  | { kind: 'topic'; ref: string; topic: string }
  | { kind: 'answer'; ref: string; text: string };

/** `/skjul 12 reason`, `/status 12 done note`: the ref, then one word, then the rest as free text. */
function refArgs(args: string): [string, string, string] {
  const m = /^(\S*)\s*(\S*)\s*([\s\S]*)$/.exec(args)!;
  return [m[1]!, m[2]!, m[3]!.trim()];
}

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
    case '/vurder':
    case '/review':
      return { kind: 'review' };
    case '/kontakt':
    case '/contact':
      return { kind: 'contact' };
    case '/godkjenn':
    case '/approve':
      return { kind: 'approve', ref: args };
    case '/gjenopprett':
    case '/restore':
      return { kind: 'restore', ref: args };
    case '/skjul':
    case '/hide': {
      const [ref] = refArgs(args);
      return { kind: 'hide', ref, reason: args.slice(ref.length).trim() };
    }
    case '/status': {
      const [ref, status, note] = refArgs(args);
      return { kind: 'status', ref, status, note };
    }
    case '/tema':
    case '/topic': {
      const [ref, topic] = refArgs(args);
      return { kind: 'topic', ref, topic };
    }
    case '/svar':
    case '/answer': {
      const [ref] = refArgs(args);
      return { kind: 'answer', ref, text: args.slice(ref.length).trim() };
    }
    case '/avslutt':
    case '/quit':
    case '/exit':
      return { kind: 'quit' };
    default:
      return { kind: 'unknown', text: line };
  }
}
