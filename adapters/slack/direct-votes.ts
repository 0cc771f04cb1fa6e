import type { Logger } from 'pino';
import { clickerOf, teamOf, type HandlerDeps } from './handlers/deps.ts';
import { createVoteHandler, voteValueOf, type VoteClick } from './handlers/vote.ts';
import { isObject } from './parse.ts';

/** The HTTP answer to Slack: an empty 200, or a 500 so the voter sees the click failed. */
export interface Reply {
  ack(): void;
  fail(): void;
}

/** Takes a verified, parsed request if it is a vote click; false hands it on to Bolt. */
export type DirectVotes = (body: Record<string, unknown>, reply: Reply) => Promise<boolean>;

/** A click that is one vote (a button or the menu) and nothing else, with what the vote needs; null for anything else. */
export function readVoteClick(body: Record<string, unknown>): { teamId: string; userId: string; click: Omit<VoteClick, 'ack'> } | null {
  if (body.type !== 'block_actions' || typeof body.response_url !== 'string' || !Array.isArray(body.actions) || body.actions.length !== 1) return null;
  const action: unknown = body.actions[0];
  if (!isObject(action)) return null;
  const vote = voteValueOf(action);
  if (!vote || typeof action.action_ts !== 'string') return null;
  const user = body.user as { id?: unknown; team_id?: string };
  const teamId = teamOf(body as { team?: { id: string } | null; user?: { team_id?: string } });
  if (typeof user.id !== 'string' || !teamId) return null;
  return {
    teamId,
    userId: user.id,
    click: { body: { response_url: body.response_url }, action: { action_id: action.action_id as string, value: vote.value, action_ts: action.action_ts } },
  };
}

/**
 * Vote clicks over HTTP, past Bolt: a vote needs no bot token, no listener middleware and no
 * `say`/`respond` helpers, and Bolt's own routing costs more per click than the committed vote
 * does. Verified and parsed by the receiver, then the same vote handler Bolt's route uses. The
 * signature proves the click came from Slack for this app; what a vote may change (which poll,
 * from which workspace) is the core's rule, as on every other route.
 */
export function createDirectVotes(deps: HandlerDeps, logger: Logger): DirectVotes {
  const vote = createVoteHandler(deps);
  return async (body, reply) => {
    const read = readVoteClick(body);
    if (!read) return false;
    let answered = false;
    const ack = async () => {
      answered = true;
      reply.ack();
    };
    try {
      await vote({ ...read.click, ack }, clickerOf(deps, read.teamId, read.userId));
    } catch (error) {
      logger.error({ err: error }, 'slack vote failed');
      // Unanswered, Slack shows the voter an error and the click can be made again.
      if (!answered) reply.fail();
    }
    return true;
  };
}
