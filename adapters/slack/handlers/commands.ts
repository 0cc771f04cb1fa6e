import type { App } from '@slack/bolt';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { catalog, describeError } from '../../../src/i18n/index.ts';
import { classifySlackError } from '../api/errors.ts';
import { subcommandOf } from '../../../src/domain/commands.ts';
import { asksForPollHelp } from '../../../src/polls/help.ts';
import { unescapeSlackText } from '../parse.ts';
import { publishPoll } from '../publish.ts';
import { COMMAND, POLL_COMMAND, deleteConfirmMessage, ephemeral, helpMessage, mineMessage, textMessage } from '../render/messages.ts';
import { pollModal, profileModal, suggestionModal } from '../render/modals.ts';
import { actorOf, explainFailure, type HandlerDeps } from './deps.ts';
import { reviewMessage } from '../render/follow-up.ts';
import { projectGroupText } from '../../../src/usecases/project-group.ts';

/**
 * `/innspill [text | hjelp | mine | slett | profil]` and `/poll [inline syntax]`. Whatever is
 * stored is committed before `ack`; modals and the poll message follow in the background, because
 * `views.open` and `chat.postMessage` must never stand between Slack and its answer.
 */
export function registerCommands(app: App, deps: HandlerDeps): void {
  const { core, background } = deps;

  app.command(COMMAND, async ({ command, ack, client }) => {
    const actor = actorOf(deps, command.team_id, command.user_id);
    const c = catalog(actor.locale);
    const text = unescapeSlackText(command.text ?? '').trim();
    let answer: unknown;
    try {
      if (!text) {
        await ack();
        const view = suggestionModal(actor.locale, core.settings.topics, { channelId: command.channel_id });
        background.run('views.open', () => client.views.open({ trigger_id: command.trigger_id, view: view as never }));
        return;
      }
      const surveyAnswer = await core.surveys.chat(actor, text);
      if (typeof surveyAnswer === 'string') {
        await ack(ephemeral(textMessage(surveyAnswer)) as never);
        return;
      }
      const shared = await core.documentCommand(actor, text);
      if (shared !== null) {
        await ack(ephemeral(textMessage(shared)) as never);
        return;
      }
      switch (subcommandOf(text)) {
        case 'help':
          answer = ephemeral(helpMessage(actor.locale));
          break;
        case 'mine':
          answer = ephemeral(mineMessage(await core.mine(actor), actor.locale, core.settings.timeZone));
          break;
        case 'delete':
          answer = ephemeral(deleteConfirmMessage(actor.locale));
          break;
        case 'review':
          answer = ephemeral(await reviewMessage(core, actor));
          break;
        case 'contact':
          answer = ephemeral(textMessage(`${c.followUp.projectGroup}\n${projectGroupText(actor.locale, core.settings.projectMembers ?? [])}`));
          break;
        case 'profile': {
          const view = profileModal(actor.locale, await core.getProfile(actor));
          await ack();
          background.run('views.open', () => client.views.open({ trigger_id: command.trigger_id, view: view as never }));
          return;
        }
        default: {
          const { suggestion } = await core.submitSuggestion(actor, { text });
          const ref = suggestionRef(suggestion.id);
          answer = ephemeral(textMessage(`${c.messages.suggestionStored({ ref })}\n${c.messages.suggestionTopicHint({ cmd: COMMAND })}`));
        }
      }
    } catch (error) {
      answer = ephemeral(textMessage(explainFailure(deps, actor.locale, error, 'slack command failed')));
    }
    await ack(answer as never);
  });

  app.command(POLL_COMMAND, async ({ command, ack, client }) => {
    const actor = actorOf(deps, command.team_id, command.user_id);
    const text = unescapeSlackText(command.text ?? '').trim();
    if (!text || asksForPollHelp(text)) {
      const member = await core.isMember(actor.id);
      const help = ephemeral(textMessage(catalog(actor.locale).pollHelp.text({ cmd: POLL_COMMAND, member })));
      // `/poll` alone also opens the form; the syntax comes with it for next time.
      if (!text) {
        const view = pollModal(actor.locale, member, { channelId: command.channel_id });
        background.run('views.open', () => client.views.open({ trigger_id: command.trigger_id, view: view as never }));
      }
      await ack(help as never);
      return;
    }
    let pollId: number;
    try {
      // A subcommand's answer, a syntax error, or a scheduled poll's time (the outbox posts it then): only to the creator.
      const outcome = await core.pollPlans.command(actor, text, POLL_COMMAND, { channelId: command.channel_id });
      if ('text' in outcome) {
        await ack(ephemeral(textMessage(outcome.text)) as never);
        return;
      }
      pollId = outcome.poll.id;
    } catch (error) {
      await ack(ephemeral(textMessage(explainFailure(deps, actor.locale, error, 'slack poll command failed'))) as never);
      return;
    }
    await ack();
    background.run('poll post', async () => {
      try {
        await publishPoll(deps, client, { teamId: command.team_id, channel: command.channel_id, locale: actor.locale }, pollId);
      } catch (error) {
        const failure = classifySlackError(error);
        deps.logger.warn({ pollId, error: failure.error }, 'poll could not be posted where it was asked for');
        deps.responder.post(command.response_url, { response_type: 'ephemeral', ...textMessage(failure.gone ? catalog(actor.locale).slack.inviteBot : describeError(actor.locale, error)) });
      }
    });
  });
}
