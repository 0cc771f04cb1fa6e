import type { App } from '@slack/bolt';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { catalog, describeError } from '../../../src/i18n/index.ts';
import { isInnspillError } from '../../../src/errors.ts';
import { unescapeSlackText } from '../parse.ts';
import { publishHome } from '../home.ts';
import { textMessage } from '../render/messages.ts';
import { actorOf, type HandlerDeps } from './deps.ts';

/** The events the app subscribes to; manifest.json must declare exactly these. */
export const HANDLED_EVENTS = ['app_home_opened', 'message.im', 'app_uninstalled', 'tokens_revoked'] as const;

interface ImMessage {
  channel?: string;
  channel_type?: string;
  user?: string;
  text?: string;
  ts?: string;
  bot_id?: string;
  subtype?: string;
  app_id?: string;
}

/**
 * Events API. The receiver answers Slack only after these listeners return, so a direct message is
 * stored (with its event_id, in the same transaction) before the 200; a retry of the same event
 * finds the id and stores nothing. Replies and App Home go out in the background.
 */
export function registerEvents(app: App, deps: HandlerDeps): void {
  const { core, background, logger } = deps;

  app.event('message', async ({ event, body, client }) => {
    const message = event as ImMessage;
    // Our own messages, other bots' and edits, joins and the like are not suggestions.
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id || message.app_id || !message.user || !message.channel) return;
    const teamId = body.team_id;
    const actor = actorOf(deps, teamId, message.user);
    // The chat's channel, free here: a digest or poll to this person needs no conversations.open.
    await deps.dmChannels.remember(teamId, message.user, message.channel);
    const c = catalog(actor.locale);
    let reply: string;
    const text = unescapeSlackText(message.text ?? '');
    try {
      // `stopp` or a member's `undersøkelse …` in the chat with the bot; a retried event does it once.
      const surveyAnswer = await core.surveys.chat(actor, text, () => core.firstDelivery('slack', body.event_id));
      if (surveyAnswer === false) return;
      if (surveyAnswer !== null) reply = surveyAnswer;
      else {
        const { suggestion, duplicate } = await core.submitSuggestion(actor, { text }, { dedupeKey: `slack:${body.event_id}` });
        if (duplicate) return;
        reply = c.messages.suggestionStored({ ref: suggestionRef(suggestion.id) });
      }
    } catch (error) {
      if (!isInnspillError(error)) throw error;
      reply = describeError(actor.locale, error);
    }
    const channel = message.channel;
    background.run('dm confirmation', () => client.chat.postMessage({ channel, thread_ts: message.ts, ...textMessage(reply) } as never));
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    const teamId = body.team_id;
    const userId = event.user;
    // App Home's channel is the person's chat with the bot, whichever tab was opened.
    if (event.channel) await deps.dmChannels.remember(teamId, userId, event.channel);
    if (event.tab !== 'home') return;
    background.run('views.publish', () => publishHome(deps, client, teamId, userId));
  });

  app.event('app_uninstalled', async ({ body }) => {
    logger.info({ teamId: body.team_id }, 'slack app uninstalled');
    await deps.uninstall(body.team_id, body.enterprise_id);
  });

  app.event('tokens_revoked', async ({ event, body }) => {
    // Innspill holds bot tokens only; user tokens revoked alone change nothing here.
    if (!event.tokens.bot?.length) return;
    logger.info({ teamId: body.team_id }, 'slack bot token revoked');
    await deps.uninstall(body.team_id, body.enterprise_id);
  });
}
