/**
 * The words after `/innspill` (or `innspill` in Teams) that are commands, in Norwegian and English.
 * They count only standing alone, so "Hjelp til gründere …" stays a suggestion. Every adapter reads
 * them here, so the platforms never disagree on what a word means.
 */
export type Subcommand = 'help' | 'mine' | 'delete' | 'profile' | 'review' | 'contact';

const SUBCOMMANDS: Record<string, Subcommand> = {
  hjelp: 'help',
  help: 'help',
  mine: 'mine',
  slett: 'delete',
  delete: 'delete',
  profil: 'profile',
  profile: 'profile',
  vurder: 'review',
  review: 'review',
  kontakt: 'contact',
  contact: 'contact',
};

export function subcommandOf(text: string): Subcommand | null {
  return Object.hasOwn(SUBCOMMANDS, text.trim().toLowerCase()) ? SUBCOMMANDS[text.trim().toLowerCase()]! : null;
}
