import type { Actor } from '../domain/participant.ts';
import { may } from '../domain/permissions.ts';
import type { CoreDeps } from './context.ts';

/**
 * Whether this person may close and reopen the poll (its creator and the project members), so a card
 * drawn for them alone can offer those buttons and a card for anyone else leaves them out. The core
 * checks again on the click.
 */
export async function mayManagePoll(deps: CoreDeps, actor: Pick<Actor, 'id'>, pollId: number): Promise<boolean> {
  const poll = await deps.store.polls.get(pollId);
  if (!poll) return false;
  return may({ id: actor.id, isMember: await deps.store.members.isMember(actor.id) }, 'close_poll', deps.settings, poll);
}
