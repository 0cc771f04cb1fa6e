import type { Logger } from 'pino';
import { actorFrom, type Actor } from '../../../src/domain/participant.ts';
import { isInnspillError } from '../../../src/errors.ts';
import { describeError } from '../../../src/i18n/index.ts';
import type { Innspill } from '../../../src/innspill.ts';
import type { Responder } from '../api/responder.ts';
import type { Background } from '../background.ts';
import type { DmChannels } from '../dm-channels.ts';
import type { LocaleCache } from '../locale.ts';
import type { PollPosts } from '../poll-posts.ts';
import type { PollUpdater } from '../poll-updater.ts';

/** What every listener is given; nothing here calls the Web API on the request's path. */
export interface HandlerDeps {
  core: Innspill;
  locales: LocaleCache;
  background: Background;
  responder: Responder;
  posts: PollPosts;
  updater: PollUpdater;
  dmChannels: DmChannels;
  logger: Logger;
  /** Removes what an installation left behind (its tokens); called on app_uninstalled and tokens_revoked. */
  uninstall(teamId: string, enterpriseId: string | undefined): Promise<void>;
}

/** Who sent a command, message or form; their locale is looked up in the background if unknown. */
export function actorOf(deps: Pick<HandlerDeps, 'locales'>, teamId: string, userId: string): Actor {
  return actorFrom({ platform: 'slack', workspaceId: teamId, userId }, deps.locales.localeOf(teamId, userId));
}

/** Who clicked: the locale is what is already known, never a lookup (see locale.ts). */
export function clickerOf(deps: Pick<HandlerDeps, 'locales'>, teamId: string, userId: string): Actor {
  return actorFrom({ platform: 'slack', workspaceId: teamId, userId }, deps.locales.cachedLocale(teamId, userId));
}

/** The workspace of an interaction: `team` is null for some org-wide installs, the user's team is not. */
export function teamOf(body: { team?: { id: string } | null; user?: { team_id?: string } }): string | null {
  return body.team?.id ?? body.user?.team_id ?? null;
}

/** Who submitted a modal: every submission comes from a workspace, so one without is a bug. */
export function submitterOf(deps: Pick<HandlerDeps, 'locales'>, body: { team?: { id: string } | null; user: { id: string; team_id?: string } }): Actor {
  const teamId = teamOf(body);
  if (!teamId) throw new Error('view submission without a team');
  return actorOf(deps, teamId, body.user.id);
}

/**
 * What a refusal says to the person, after logging anything that is not a refusal (a failed write,
 * a full disk, a bug) at error level: an answer in the chat must not be the only trace of it.
 */
export function explainFailure(deps: Pick<HandlerDeps, 'logger'>, locale: Actor['locale'], error: unknown, what: string): string {
  if (!isInnspillError(error)) deps.logger.error({ err: error }, what);
  return describeError(locale, error);
}
