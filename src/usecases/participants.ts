import { InnspillError } from '../errors.ts';
import { profileSchema, type Actor, type Profile } from '../domain/participant.ts';
import type { CoreDeps } from './context.ts';
import { forgetPerson } from './privacy.ts';
import { isLocale, type Locale } from '../i18n/locale.ts';
import type { Poll } from '../domain/poll.ts';
import type { Suggestion } from '../domain/suggestion.ts';

const MINE_LIMIT = 50;

export async function saveProfile(deps: CoreDeps, actor: Actor, input: unknown): Promise<Profile> {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) {
    throw new InnspillError('profile_invalid', { field: String(parsed.error.issues[0]?.path[0] ?? 'profile') });
  }
  const now = deps.clock();
  await deps.store.participants.touch({ ...actor, now });
  await deps.store.participants.saveProfile(actor.id, parsed.data, now);
  return parsed.data;
}

export async function getProfile(deps: CoreDeps, actor: Actor): Promise<Profile | null> {
  return (await deps.store.participants.get(actor.id))?.profile ?? null;
}

/** What a person has sent and voted, anonymous suggestions included (found by their pseudonym). */
export interface MyData {
  suggestions: Suggestion[];
  votes: { poll: Poll; choices: number[] }[];
}

export async function mine(deps: CoreDeps, actor: Actor): Promise<MyData> {
  const [suggestions, votes] = await Promise.all([
    deps.store.suggestions.listBySenders([deps.vault.key(actor.id), deps.vault.anonymousKey(actor.id)], MINE_LIMIT),
    deps.store.polls.votesBy((pollId) => deps.vault.voterKey(pollId, actor.id)),
  ]);
  return { suggestions, votes };
}

/** "Delete my data": every row about the person goes, as with the operator's `innspill forget`. */
export async function forgetMe(deps: CoreDeps, actor: Actor) {
  return forgetPerson(deps, actor);
}

/**
 * Every locale the database holds for one platform's participants: what a platform adapter's
 * in-memory cache starts from, so after a restart it answers people as the database knows them
 * rather than in the default language until it has asked the platform again.
 */
export async function storedLocales(deps: CoreDeps, platform: string): Promise<{ workspaceId: string; userId: string; locale: Locale }[]> {
  const all = await deps.store.participants.list(platform);
  return all.flatMap((p) => (p.locale && isLocale(p.locale) ? [{ workspaceId: p.workspaceId, userId: p.userId, locale: p.locale }] : []));
}
