import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { parseProgress } from '../../../src/domain/follow-up.ts';
import { InnspillError, isInnspillError } from '../../../src/errors.ts';
import { catalog, describeError, label } from '../../../src/i18n/index.ts';
import type { Actor } from '../../../src/domain/participant.ts';
import { publishHome } from '../home.ts';
import { parseId, replyContext, viewFields } from '../parse.ts';
import { answerModal, FOLLOW_UP_ACTIONS, FOLLOW_UP_VIEWS, hideModal, statusModal } from '../render/follow-up.ts';
import { resultModal } from '../render/modals.ts';
import type { Click, ClickHandler } from './actions.ts';
import { submitterOf, type HandlerDeps } from './deps.ts';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The review queue's buttons (App Home) and the sender's Answer button. App Home has no
 * response_url, so an outcome is a small modal and the Home tab is published again; approving
 * needs no form, hiding and setting a status open one (the reason and note are typed there).
 */
export function followUpActions(deps: HandlerDeps): Record<string, ClickHandler> {
  const { core, background, logger } = deps;

  const open = (click: Click, view: unknown) =>
    background.run('views.open', () => click.client.views.open({ trigger_id: click.body.trigger_id, view: view as never }));
  const refresh = (click: Click, actor: Actor) => background.run('views.publish', () => publishHome(deps, click.client, actor.workspaceId, actor.userId));
  const title = (actor: Actor) => catalog(actor.locale).followUp.queueTitle;
  const said = (click: Click, actor: Actor, text: string) => open(click, resultModal(actor.locale, title(actor), text));
  const failed = (click: Click, actor: Actor, error: unknown) => {
    if (!isInnspillError(error)) logger.error({ err: error }, 'slack follow-up action failed');
    said(click, actor, describeError(actor.locale, error));
  };
  /** Every button carries the suggestion's number; an unreadable one is logged and answered. */
  const withId = (handle: (click: Click, actor: Actor, id: number) => Promise<void>): ClickHandler => async (click, actor) => {
    const id = parseId(click.action.value);
    if (id === null) {
      logger.warn({ actionId: click.action.action_id }, 'follow-up button with an unreadable value ignored');
      return click.ack();
    }
    return handle(click, actor, id);
  };

  return {
    [FOLLOW_UP_ACTIONS.approve]: withId(async (click, actor, id) => {
      try {
        await core.approve(actor, id);
        await click.ack();
        refresh(click, actor);
        // From the digest (a message, not App Home) the click needs its own confirmation.
        if (click.body.container?.type === 'message') said(click, actor, catalog(actor.locale).followUp.approved({ ref: suggestionRef(id) }));
      } catch (error) {
        await click.ack();
        failed(click, actor, error);
      }
    }),
    [FOLLOW_UP_ACTIONS.hide]: withId(async (click, actor, id) => {
      const member = await core.isMember(actor.id);
      await click.ack();
      if (member) open(click, hideModal(actor.locale, id));
      else failed(click, actor, new InnspillError('not_allowed'));
    }),
    [FOLLOW_UP_ACTIONS.status]: withId(async (click, actor, id) => {
      try {
        const suggestion = await core.suggestionFor(actor, id);
        await click.ack();
        open(click, statusModal(actor.locale, suggestion, core.settings.topics));
      } catch (error) {
        await click.ack();
        failed(click, actor, error);
      }
    }),
    // The sender's own button under a reply or a status notice; the core checks it is theirs on sending.
    [FOLLOW_UP_ACTIONS.answer]: withId(async (click, actor, id) => {
      await click.ack();
      open(click, answerModal(actor.locale, id));
    }),
  };
}

/** The forms behind those buttons. A refusal is shown under the text field; success replaces the form with its outcome. */
export function registerFollowUpViews(app: App, deps: HandlerDeps): void {
  const { core } = deps;
  const actorFor = (body: ViewSubmitAction) => submitterOf(deps, body);
  const refuse = (ack: SubmitArgs['ack'], actor: Actor, error: unknown) => {
    if (!isInnspillError(error)) deps.logger.error({ err: error }, 'slack follow-up form failed');
    return ack({ response_action: 'errors', errors: { text: describeError(actor.locale, error) } });
  };
  const done = (ack: SubmitArgs['ack'], actor: Actor, heading: string, text: string) =>
    ack({ response_action: 'update', view: resultModal(actor.locale, heading, text) as never });

  const form = (callbackId: string, handle: (args: SubmitArgs, actor: Actor, suggestionId: number) => Promise<{ heading: string; text: string }>, refreshHome: boolean) =>
    app.view<ViewSubmitAction>(callbackId, async (args) => {
      const actor = actorFor(args.body);
      const suggestionId = replyContext(args.view.private_metadata);
      if (suggestionId === null) return refuse(args.ack, actor, new InnspillError('suggestion_not_found'));
      let outcome: { heading: string; text: string };
      try {
        outcome = await handle(args, actor, suggestionId);
      } catch (error) {
        return refuse(args.ack, actor, error);
      }
      await done(args.ack, actor, outcome.heading, outcome.text);
      if (refreshHome) deps.background.run('views.publish', () => publishHome(deps, args.client, actor.workspaceId, actor.userId));
    });

  form(FOLLOW_UP_VIEWS.hide, async ({ view }, actor, id) => {
    await core.hide(actor, id, viewFields(view.state).text?.text ?? '');
    const f = catalog(actor.locale).followUp;
    return { heading: f.hideTitle, text: f.hidden({ ref: suggestionRef(id) }) };
  }, true);

  form(FOLLOW_UP_VIEWS.status, async ({ view }, actor, id) => {
    const fields = viewFields(view.state);
    const f = catalog(actor.locale).followUp;
    const progress = parseProgress(fields.status?.selected[0] ?? '');
    const topic = fields.topic?.selected[0];
    const before = await core.suggestionFor(actor, id);
    if (topic && topic !== before.topic) await core.moveTopic(actor, id, topic);
    const lines: string[] = [];
    if (progress !== before.progress || (fields.text?.text ?? '').trim() !== (before.statusNote ?? '')) {
      const { notified } = await core.setStatus(actor, id, progress, fields.text?.text ?? '');
      lines.push((notified ? f.statusSetNotified : f.statusSet)({ ref: suggestionRef(id), status: f.progress[progress] }));
    }
    if (topic && topic !== before.topic) lines.push(f.topicMoved({ ref: suggestionRef(id), topic: label(actor.locale, 'topics', topic) }));
    return { heading: f.statusTitle, text: lines.join('\n') || f.statusSet({ ref: suggestionRef(id), status: f.progress[progress] }) };
  }, true);

  form(FOLLOW_UP_VIEWS.answer, async ({ view }, actor, id) => {
    await core.answerMember(actor, id, viewFields(view.state).text?.text ?? '', { dedupeKey: `slack:view:${view.id}` });
    const f = catalog(actor.locale).followUp;
    return { heading: f.answerTitle, text: f.answerSent({ ref: suggestionRef(id) }) };
  }, false);
}
