import type { ConversationParameters, ConversationReference } from '@microsoft/agents-activity';
import { HttpError, type CloudAdapter, type TurnContext } from '@microsoft/agents-hosting';
import type { JwtPayload } from 'jsonwebtoken';
import { catalog, resolveLocale, type Locale } from '../../src/i18n/index.ts';
import type { Innspill } from '../../src/innspill.ts';
import type { OutboundMessage, PlatformSender, Recipient, SendResult } from '../../src/ports/delivery.ts';
import { textIn } from '../../src/surveys/definition.ts';
import { parseDigest } from '../../src/digest/serialize.ts';
import { digestCards } from './cards/digest.ts';
import type { AdaptiveCard } from './cards/elements.ts';
import { pollCard } from './cards/poll-card.ts';
import { answerCard, replyCard, statusCard } from './cards/follow-up.ts';
import { surveyCard } from './cards/survey-card.ts';
import { partsLeft, type DigestPacker } from '../../src/outbox/parts.ts';
import { baseConversationId } from './identity.ts';
import type { ReferenceBook, ReferenceTarget } from './references.ts';
import { replyActivity, type Reply } from './reply.ts';

export interface TeamsSenderDeps {
  adapter: CloudAdapter;
  core: Innspill;
  references: ReferenceBook;
  /** The bot's app id, or an empty identity in anonymous mode (no token on outbound calls). */
  identity: string | JwtPayload;
  /** Longer than this and the attempt counts as a timeout (worth retrying). */
  timeoutMs: number;
}

/** Teams' packer for the outbox: Adaptive Cards within Teams' activity size limit. */
const packDigest: DigestPacker<AdaptiveCard> = digestCards;
/** The scope the bot's token for the Bot Connector is issued for. */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/** A recipient Teams can be reached at: one person or one conversation (the outbox names each Teams copy). */
type Reachable = Exclude<Recipient, { kind: 'workspace' }>;
type TeamsMessage = OutboundMessage & { recipient: Reachable };

/** A recipient as the outbox names it: a Teams user (AAD id or full participant id) or a conversation id. */
export function targetFor(workspaceId: string, recipient: Reachable): ReferenceTarget {
  if (recipient.kind === 'channel') return { kind: 'conversation', tenantId: workspaceId, conversationId: baseConversationId(recipient.channelId) };
  const parts = recipient.userId.split(':');
  const userId = parts.length === 3 && parts[0] === 'teams' ? parts[2]! : recipient.userId;
  return { kind: 'user', tenantId: workspaceId, userId };
}

/** The participant a 1:1 message goes to, or null for a channel (seen by many, managed by none there). */
function recipientId(message: TeamsMessage): string | null {
  const target = targetFor(message.workspaceId, message.recipient);
  return target.kind === 'user' ? `teams:${target.tenantId}:${target.userId}` : null;
}

/** How a failed call is classified: 403/404 mean the bot cannot write there any more; 429 carries a wait. */
export function classify(error: unknown): Extract<SendResult, { ok: false }> {
  if (error instanceof HttpError) {
    const status = error.status;
    if (status === 403 || status === 404) return { ok: false, retryable: false, gone: true, error: `teams_${status}` };
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(error.response.headers?.get?.('retry-after') ?? null);
      return { ok: false, retryable: true, error: 'teams_429', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    return { ok: false, retryable: status >= 500 || status === 408 || status === 412, error: `teams_${status}` };
  }
  // No HTTP answer at all: refused connection, reset, DNS. Worth another try.
  return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
}

/** `Retry-After` in seconds or as an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Delivers outbox messages to stored conversation references: one attempt each, never a retry. */
export function createTeamsSender(deps: TeamsSenderDeps): PlatformSender {
  const { core } = deps;

  /** The message's parts, in order: one, except for a digest too long for one card. */
  async function render(message: TeamsMessage, locale: Locale): Promise<Reply[]> {
    const payload = message.payload;
    switch (payload.type) {
      // A copy already posted, shown again after an edit or a delete: the same card a new post gets.
      case 'poll':
      case 'poll_refresh': {
        // A poll to everyone arrives in each person's 1:1 chat: their view alone, with close only for a member.
        const id = recipientId(message);
        const viewer = { manage: id !== null && (await core.mayManagePoll({ id }, payload.pollId)), refreshFor: [] };
        return [{ card: pollCard(await core.viewPoll(payload.pollId), [], locale, core.settings.timeZone, undefined, viewer) }];
      }
      case 'poll_reminder': {
        // Decided when due: nothing to someone who voted or said stop, nothing once the poll closed.
        if (!(await core.pollPlans.reminder(payload)).send) return [];
        return [{ card: pollCard(await core.viewPoll(payload.pollId), [], locale, core.settings.timeZone, catalog(locale).pollPlans.reminder) }];
      }
      // A card, so the sender can answer in it (see cards/follow-up.ts).
      case 'reply':
        return [{ card: replyCard(payload.locale, payload.suggestionId, payload.text) }];
      case 'status':
        return [{ card: statusCard(payload.locale, payload.suggestionId, payload.progress, payload.note) }];
      case 'answer':
        return [{ card: answerCard(payload.locale, payload.suggestionId, payload.text) }];
      case 'survey': {
        // Decided when due: nothing to someone who said stop, and a reminder only to those who have not answered.
        const decision = await core.surveys.delivery(payload);
        if (!decision.send) return [];
        const s = catalog(decision.locale).surveys;
        const title = textIn(decision.survey.definition.title, decision.locale, core.settings.defaultLocale);
        const heading = (decision.reminder ? s.reminder : s.invitation)({ title });
        return [{ card: surveyCard(decision.survey.id, decision.survey.definition, decision.answers, 0, decision.locale, core.settings.defaultLocale, { heading }) }];
      }
      case 'digest':
        return packDigest(parseDigest(payload.digest), { locale: payload.locale, timeZone: core.settings.timeZone }).map((card) => ({ card }));
    }
  }

  /** A turn the SDK runs for a proactive send: continuing a conversation, or opening a 1:1 chat first. */
  type Run = (logic: (context: TurnContext) => Promise<void>) => Promise<void>;

  /**
   * Posts the parts in order in one turn, each as soon as the one before is accepted, and calls
   * `onSent` after each. The first failure ends the attempt. The time limit applies to each part; once
   * it has passed, no further part is started (the one in flight may still land and be recorded).
   */
  async function send(
    run: Run,
    parts: Reply[],
    onSent: (context: TurnContext, index: number) => Promise<void>,
    post: (context: TurnContext, part: Reply) => Promise<string | undefined> = async (context, part) => (await context.sendActivity(replyActivity(part)))?.id,
  ): Promise<SendResult> {
    let failure: unknown;
    let id: string | undefined;
    let abandoned = false;
    let timer: NodeJS.Timeout | undefined;
    let expire: () => void = () => undefined;
    const timeout = new Promise<'timeout'>((resolve) => (expire = () => resolve('timeout')));
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(expire, deps.timeoutMs);
    };
    arm();
    // The SDK hands errors inside a turn to onTurnError; catching them here keeps the real cause.
    const attempt = run(async (context) => {
      // The SDK makes every send in a proactive turn a reply to a made-up activity id; a proactive
      // message is a new message in the conversation (POST …/activities), so the reply-to goes.
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      try {
        for (const [index, part] of parts.entries()) {
          if (abandoned) return;
          if (index > 0) arm();
          id = await post(context, part);
          await onSent(context, index);
        }
      } catch (error) {
        failure = error;
      }
    });
    try {
      if ((await Promise.race([attempt.then(() => 'done' as const), timeout])) === 'timeout') {
        abandoned = true;
        attempt.catch(() => undefined);
        return { ok: false, retryable: true, error: 'teams_timeout' };
      }
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(timer);
    }
    if (failure !== undefined) return classify(failure);
    return id ? { ok: true, platformRef: id } : { ok: true };
  }

  const continueIn = (reference: ConversationReference): Run => (logic) => deps.adapter.continueConversation(deps.identity, reference, logic);

  /** Opens a 1:1 chat with someone last seen in a channel of the tenant (the app is installed there). */
  const openChatWith = (seen: ConversationReference, tenantId: string): Run => (logic) =>
    deps.adapter.createConversationAsync(
      typeof deps.identity === 'string' ? deps.identity : '',
      seen.channelId,
      seen.serviceUrl!,
      BOT_FRAMEWORK_AUDIENCE,
      { isGroup: false, agent: seen.agent ?? undefined, members: [seen.user!], tenantId, channelData: { tenant: { id: tenantId } } } as ConversationParameters,
      logic,
    );

  interface Route {
    run: Run;
    locale: string | undefined;
    /** The reference the route was found by, to forget when Teams says the bot cannot write there. */
    target: ReferenceTarget;
    onSent?: (context: TurnContext) => Promise<void>;
  }

  /** The target's own conversation; for a person without a 1:1 chat yet, one opened from where they were seen. */
  async function routeTo(target: ReferenceTarget): Promise<Route | null> {
    const reference = await deps.references.find(target);
    if (reference) return { run: continueIn(reference), locale: reference.locale, target };
    if (target.kind !== 'user') return null;
    const member: ReferenceTarget = { ...target, kind: 'member' };
    const seen = await deps.references.find(member);
    if (!seen?.user || !seen.serviceUrl) return null;
    // The new chat is kept as the person's own, so the next message goes straight there.
    return { run: openChatWith(seen, target.tenantId), locale: seen.locale, target: member, onSent: (context) => deps.references.remember(context.activity, target) };
  }

  /** The message's parts in the conversation's language, or the failure to report when it cannot be rendered. */
  async function partsOf(message: TeamsMessage, locale: string | undefined): Promise<Reply[] | SendResult> {
    try {
      return await render(message, resolveLocale(locale, core.settings.defaultLocale));
    } catch (error) {
      // A deleted poll or an unreadable digest will not get better by waiting.
      return { ok: false, retryable: false, error: `unrenderable_${message.payload.type}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /**
   * Replaces a posted card in place (PUT …/activities/{id}), in the conversation it was posted to.
   * With no reference to that conversation any more, the bot cannot write there: nothing to update.
   */
  async function refresh(message: TeamsMessage, activityId: string): Promise<SendResult> {
    const target = targetFor(message.workspaceId, message.recipient);
    const reference = await deps.references.find(target);
    if (!reference) return { ok: false, retryable: false, gone: true, error: 'no_conversation_reference' };
    const parts = await partsOf(message, reference.locale);
    if (!Array.isArray(parts)) return parts;
    // A copy answered in a channel's thread is changed in that thread (the channel id with `;messageid=`).
    const where = message.recipient.kind === 'channel' ? { ...reference, conversation: { ...reference.conversation, id: message.recipient.channelId } } : reference;
    // A copy Teams no longer has (404) ends here; the conversation may still be there, so its reference is kept.
    return send(continueIn(where), parts, async () => undefined, async (context, part) => {
      const activity = replyActivity(part);
      activity.id = activityId;
      await context.updateActivity(activity);
      return activityId;
    });
  }

  return {
    platform: 'teams',
    async deliver(outbound) {
      const { recipient, payload } = outbound;
      // Every Teams copy is known to the outbox by its activity id: an update for a whole workspace is not Teams'.
      if (recipient.kind === 'workspace') return { ok: false, retryable: false, error: 'teams_needs_a_conversation' };
      const message: TeamsMessage = { ...outbound, recipient };
      if (payload.type === 'poll_refresh') {
        return payload.activityId ? refresh(message, payload.activityId) : { ok: false, retryable: false, error: 'teams_refresh_needs_an_activity' };
      }
      const route = await routeTo(targetFor(message.workspaceId, message.recipient));
      if (!route) return { ok: false, retryable: false, gone: true, error: 'no_conversation_reference' };
      const parts = await partsOf(message, route.locale);
      if (!Array.isArray(parts)) return parts;
      const { left, accepted } = partsLeft(parts, message.parts);
      if (left.length === 0) return { ok: true };
      const result = await send(route.run, left, async (context, index) => {
        if (index === 0) await route.onSent?.(context);
        await accepted(index);
      });
      if (!result.ok && result.gone) await deps.references.forget(route.target);
      return result.ok ? { ...result, calls: left.length } : result;
    },
  };
}
