import type { BlockAction } from '@slack/bolt';
import type { Actor } from '../../../src/domain/participant.ts';
import { isInnspillError } from '../../../src/errors.ts';
import { catalog, describeError } from '../../../src/i18n/index.ts';
import { parseId, parseMenuValue, parseSeeAllValue } from '../parse.ts';
import { DIGEST_ACTIONS, type SeeAllTarget } from '../render/digest.ts';
import { replyModal, resultModal } from '../render/modals.ts';
import { fullTextModal, seeAllModal } from '../render/see-all.ts';
import type { Click, ClickHandler } from './actions.ts';
import type { HandlerDeps } from './deps.ts';

/** Refusals that mean "members only" get that sentence, so a non-member knows why. */
export function refusal(actor: Actor, error: unknown): string {
  return isInnspillError(error) && error.code === 'not_allowed' ? catalog(actor.locale).slack.membersOnly : describeError(actor.locale, error);
}

/**
 * The digest's buttons: Reply to sender opens a form (members only), See all opens a topic's
 * suggestions page by page. Each click is acknowledged first; the modal is opened in the
 * background with the click's trigger_id (valid for three seconds), from a modal by pushing.
 */
export function digestActions(deps: HandlerDeps): Record<string, ClickHandler> {
  const { core, background, logger } = deps;

  const show = (click: Click, view: unknown) => {
    const { body, client } = click;
    const fromModal = (body as BlockAction).container?.type === 'view';
    background.run(fromModal ? 'views.push' : 'views.open', () =>
      fromModal ? client.views.push({ trigger_id: body.trigger_id, view: view as never }) : client.views.open({ trigger_id: body.trigger_id, view: view as never }),
    );
  };

  async function seeAllView(actor: Actor, target: SeeAllTarget) {
    try {
      const period = { start: new Date(target.start), end: new Date(target.end) };
      const list = await core.digestSuggestions(actor, period, target.topic, target.page);
      return seeAllModal(actor.locale, core.settings.timeZone, target, list);
    } catch (error) {
      if (!isInnspillError(error)) logger.error({ err: error }, 'slack see-all failed');
      return resultModal(actor.locale, catalog(actor.locale).slack.seeAllTitle, refusal(actor, error));
    }
  }

  const page: ClickHandler = async ({ body, action, ack, client }, actor) => {
    const target = parseSeeAllValue(action.value);
    await ack();
    if (!target || !body.view) {
      logger.warn({ actionId: action.action_id }, 'page button with an unreadable value ignored');
      return;
    }
    const { id, hash } = body.view;
    // The hash makes Slack refuse an update of a view that changed meanwhile (a double click).
    background.run('views.update', async () => client.views.update({ view_id: id, hash, view: (await seeAllView(actor, target)) as never }));
  };

  const reply = async (click: Click, actor: Actor, suggestionId: number) => {
    const member = await core.isMember(actor.id);
    await click.ack();
    const s = catalog(actor.locale).slack;
    show(click, member ? replyModal(actor.locale, suggestionId) : resultModal(actor.locale, s.replyTitle, s.membersOnly));
  };

  /** The whole text of one suggestion, for a member; anyone else is told why not. */
  const fullText = async (click: Click, actor: Actor, suggestionId: number) => {
    let view: unknown;
    try {
      view = fullTextModal(actor.locale, await core.digestSuggestion(actor, suggestionId));
    } catch (error) {
      if (!isInnspillError(error)) logger.error({ err: error }, 'slack full text failed');
      view = resultModal(actor.locale, catalog(actor.locale).slack.seeAllTitle, refusal(actor, error));
    }
    await click.ack();
    show(click, view);
  };

  return {
    [DIGEST_ACTIONS.reply]: async (click, actor) => {
      const suggestionId = parseId(click.action.value);
      if (suggestionId === null) {
        logger.warn({ actionId: click.action.action_id }, 'reply button with an unreadable value ignored');
        return click.ack();
      }
      return reply(click, actor, suggestionId);
    },
    // The "…" menu of a suggestion in a list: Slack sends the chosen option, not a value.
    [DIGEST_ACTIONS.more]: async (click, actor) => {
      const choice = parseMenuValue((click.action as { selected_option?: { value?: unknown } }).selected_option?.value);
      if (!choice) {
        logger.warn({ actionId: click.action.action_id }, 'digest menu with an unreadable option ignored');
        return click.ack();
      }
      return choice.kind === 'reply' ? reply(click, actor, choice.suggestionId) : fullText(click, actor, choice.suggestionId);
    },
    [DIGEST_ACTIONS.seeAll]: async (click, actor) => {
      const target = parseSeeAllValue(click.action.value);
      await click.ack();
      if (!target) {
        logger.warn({ actionId: click.action.action_id }, 'see-all button with an unreadable value ignored');
        return;
      }
      const { body, client } = click;
      background.run('views.open', async () => client.views.open({ trigger_id: body.trigger_id, view: (await seeAllView(actor, target)) as never }));
    },
    [DIGEST_ACTIONS.previous]: page,
    [DIGEST_ACTIONS.next]: page,
  };
}
