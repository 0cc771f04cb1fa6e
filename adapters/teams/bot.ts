import { projectGroupText } from '../../src/usecases/project-group.ts';
import type { Activity } from '@microsoft/agents-activity';
import { ActivityHandler, type InvokeResponse, type TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { Actor } from '../../src/domain/participant.ts';
import { catalog, type Locale } from '../../src/i18n/index.ts';
import type { Innspill } from '../../src/innspill.ts';
import type { Recipient } from '../../src/ports/delivery.ts';
import { answerCardAction } from './handlers/actions.ts';
import { answerCommand } from './handlers/chat.ts';
import type { Turn } from './handlers/turn.ts';
import { actorOf, baseConversationId, localeOf } from './identity.ts';
import { parseTeamsCommand, stripBotMention } from './parse.ts';
import { isPersonal, targetOf, type ReferenceBook } from './references.ts';
import { invokeBody, replyActivity, type Reply } from './reply.ts';
import { describeConnectorFailure } from './failure.ts';

export interface TeamsBotDeps {
  core: Innspill;
  references: ReferenceBook;
  logger: Logger;
  /** Anonymous mode (local tools): senders without a tenant or AAD id are still served. */
  anonymous: boolean;
}

/**
 * Innspill on the Agents SDK's activity routing: chat messages and card submits, Universal Actions,
 * and install events that keep the conversation references proactive messages need.
 */
export class TeamsBot extends ActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.message(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      const personal = await this.remember(context.activity);
      // An upgrade (add-upgrade) keeps the reference fresh without greeting the person again.
      if (personal && context.activity.action === 'add') {
        const locale = this.locale(context.activity);
        // The welcome says who the project group is: the project invites direct contact.
        await context.sendActivity(replyActivity({ text: `${catalog(locale).teams.welcome}\n\n${projectGroupText(locale, this.deps.core.settings.projectMembers ?? [])}` }));
      }
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context.activity);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (this.concernsBot(context.activity, context.activity.membersAdded)) await this.remember(context.activity);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (this.concernsBot(context.activity, context.activity.membersRemoved)) await this.forget(context.activity);
      await next();
    });
  }

  /** Every invoke gets an answer: Teams shows "unable to reach app" for anything else, the SDK's 501 included. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const activity = context.activity;
    if (activity.name !== 'adaptiveCard/action') return { status: 200, body: {} };
    const value = activity.value as { action?: { type?: string; verb?: string; data?: unknown } } | undefined;
    const action = value?.action;
    const data = action && typeof action.data === 'object' && action.data !== null ? action.data : {};
    try {
      const turn = await this.turn(context);
      if (!turn) return { status: 200, body: invokeBody({ text: catalog(this.locale(activity)).teams.unknownSender }) };
      // Action.Execute carries the verb beside the data; the inputs are merged into the data.
      return { status: 200, body: invokeBody(await answerCardAction(turn, { ...data, verb: action?.verb })) };
    } catch (error) {
      this.deps.logger.error({ err: error }, 'Teams card action failed');
      return { status: 200, body: invokeBody({ text: catalog(this.locale(activity)).messages.somethingWentWrong }) };
    }
  }

  private async message(context: TurnContext): Promise<void> {
    const reply = await this.answer(context);
    try {
      await this.send(context, reply);
    } catch (error) {
      // The connector refused or could not be reached: one line, not the client's request dump.
      this.deps.logger.error(describeConnectorFailure(error), 'Teams reply failed');
    }
  }

  private async answer(context: TurnContext): Promise<Reply> {
    const activity = context.activity;
    const locale = this.locale(activity);
    try {
      const turn = await this.turn(context);
      if (!turn) return { text: catalog(locale).teams.unknownSender };
      // A card's Action.Submit fallback arrives as a message whose value holds the inputs and the verb.
      if (activity.value && typeof activity.value === 'object') return await answerCardAction(turn, activity.value);
      const text = stripBotMention(activity.text, activity.entities, activity.recipient?.id);
      const surveyAnswer = await turn.core.surveys.chat(turn.actor, text);
      if (typeof surveyAnswer === 'string') return { text: surveyAnswer };
      return await answerCommand(turn, parseTeamsCommand(text));
    } catch (error) {
      this.deps.logger.error({ err: error }, 'Teams message failed');
      return { text: catalog(locale).messages.somethingWentWrong };
    }
  }

  private async turn(context: TurnContext): Promise<Turn | null> {
    const activity = context.activity;
    const locale = this.locale(activity);
    const actor = actorOf(activity, locale, this.deps.anonymous);
    if (!actor) return null;
    await this.remember(activity, actor);
    return {
      core: this.deps.core,
      logger: this.deps.logger,
      actor,
      locale,
      conversationId: baseConversationId(activity.conversation!.id),
      personal: isPersonal(activity),
      dedupeKey: activity.id ? `teams:${activity.id}` : undefined,
      cardMessageId: activity.replyToId ?? undefined,
      userMri: activity.from?.id ?? undefined,
      post: (reply: Reply) => this.send(context, reply),
    };
  }

  /**
   * Sends an answer in the turn. A poll's card is posted here, not by the outbox, so its activity id
   * is kept with the outbox's own sent polls (`pollPlans.posted`): an edit or a delete then updates
   * it too. A failure to keep it is logged; the card is out either way.
   */
  private async send(context: TurnContext, reply: Reply): Promise<void> {
    const sent = await context.sendActivity(replyActivity(reply));
    if (!('pollId' in reply) || reply.pollId === undefined || !sent?.id) return;
    const activity = context.activity;
    const target = targetOf(activity, actorOf(activity, this.locale(activity), this.deps.anonymous));
    if (!target || target.kind === 'member') return;
    // In a channel the answer went to the thread it was asked in; the thread's id finds it again.
    const recipient: Recipient = target.kind === 'user' ? { kind: 'user', userId: target.userId } : { kind: 'channel', channelId: activity.conversation!.id };
    try {
      await this.deps.core.pollPlans.posted({ pollId: reply.pollId, platform: 'teams', workspaceId: target.tenantId, recipient, platformRef: sent.id });
    } catch (error) {
      this.deps.logger.error({ err: error, pollId: reply.pollId }, 'a posted poll card was not kept for updates');
    }
  }

  private locale(activity: Activity): Locale {
    return localeOf(activity, this.deps.core.settings.defaultLocale);
  }

  /** Keeps the reference to this conversation; true when it is a 1:1 chat. */
  private async remember(activity: Activity, actor: Actor | null = actorOf(activity, this.locale(activity), this.deps.anonymous)): Promise<boolean> {
    const target = targetOf(activity, actor);
    if (target) await this.deps.references.remember(activity, target);
    // Someone heard from in a channel can still be reached 1:1 (digests, polls to everyone).
    if (target?.kind === 'conversation' && actor && activity.from?.id) {
      await this.deps.references.remember(activity, { kind: 'member', tenantId: target.tenantId, userId: actor.userId });
    }
    return target?.kind === 'user';
  }

  private async forget(activity: Activity): Promise<void> {
    const target = targetOf(activity, actorOf(activity, this.locale(activity), this.deps.anonymous));
    if (target) await this.deps.references.forget(target);
  }

  private concernsBot(activity: Activity, members: { id?: string }[] | undefined): boolean {
    return Boolean(activity.recipient?.id && members?.some((m) => m.id === activity.recipient!.id));
  }
}
