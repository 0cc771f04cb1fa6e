import type { Actor } from '../domain/participant.ts';
import { may } from '../domain/permissions.ts';
import type { DigestSuggestion } from '../digest/model.ts';
import { InnspillError } from '../errors.ts';
import type { CoreDeps } from './context.ts';

/**
 * One suggestion as the digest shows it, for a member who opened it from the compact list ("show the
 * whole text"). Only members; never the sender, only what the digest itself shows.
 */
export async function digestSuggestion(deps: CoreDeps, member: Actor, id: number): Promise<DigestSuggestion> {
  if (!may({ id: member.id, isMember: await deps.store.members.isMember(member.id) }, 'digest', deps.settings)) throw new InnspillError('not_allowed');
  const s = await deps.store.suggestions.get(id);
  if (!s) throw new InnspillError('suggestion_not_found');
  return { id: s.id, topic: s.topic, text: s.text, anonymous: s.anonymous, companyName: s.anonymous ? null : s.companyName, segment: s.segment, createdAt: s.createdAt };
}
