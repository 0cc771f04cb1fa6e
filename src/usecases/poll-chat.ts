import type { Actor } from '../domain/participant.ts';
import { workspaceKey } from '../domain/participant.ts';
import { mayVoteFrom } from '../domain/poll.ts';
import { describeError, catalog } from '../i18n/index.ts';
import { roundsText } from '../polls/rounds-text.ts';
import { InnspillError, isInnspillError } from '../errors.ts';
import type { CoreDeps } from './context.ts';
import { pollRounds } from './poll-series.ts';

const ROUNDS = /^(?:runder|rounds)(?:\s+#?(\d{1,12}))?\s*$/i;

/**
 * `/poll runder <nr>` (`rounds`): the poll subcommands that are not a new poll. Returns the answer,
 * or null when the text is a poll to create. Anyone who may vote in the poll may compare its rounds.
 */
export async function pollChat(deps: CoreDeps, actor: Actor, text: string, cmd: string): Promise<string | null> {
  const rounds = ROUNDS.exec(text.trim());
  if (!rounds) return null;
  const p = catalog(actor.locale).pollPlans;
  if (!rounds[1]) return p.usage({ cmd });
  try {
    const { poll, rounds: results } = await pollRounds(deps, Number(rounds[1]));
    if (!mayVoteFrom(poll, workspaceKey(actor))) throw new InnspillError('poll_other_workspace');
    if (!results.length) return p.notRecurring({ id: poll.id });
    return roundsText(actor.locale, deps.settings.timeZone, poll, results);
  } catch (error) {
    if (!isInnspillError(error)) throw error;
    return describeError(actor.locale, error);
  }
}
