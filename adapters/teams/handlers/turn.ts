import type { Logger } from 'pino';
import type { Actor } from '../../../src/domain/participant.ts';
import { describeError, type Locale } from '../../../src/i18n/index.ts';
import { isInnspillError } from '../../../src/errors.ts';
import type { Innspill } from '../../../src/innspill.ts';
import type { Reply } from '../reply.ts';

/** What a handler knows about the activity it answers, without the SDK's types. */
export interface Turn {
  core: Innspill;
  logger: Logger;
  actor: Actor;
  locale: Locale;
  /** The chat or channel (without a thread's `;messageid=`): where a poll created here belongs. */
  conversationId: string;
  /** A 1:1 chat with the bot, where personal data may be shown. */
  personal: boolean;
  /** The activity id, so a redelivered activity is stored once. */
  dedupeKey: string | undefined;
  /** The message whose card was clicked: the same for every click on one form, so a double click is seen. */
  cardMessageId: string | undefined;
  /** The clicker's Teams user id (MRI, `29:…`), for a card's user-specific refresh. */
  userMri: string | undefined;
  /** Posts one more message in the conversation (a new poll's card). */
  post(reply: Reply): Promise<void>;
}

/** The user's sentence for a refusal; unexpected failures are logged and get an apology. */
export function explain(turn: Turn, error: unknown): string {
  if (!isInnspillError(error)) turn.logger.error({ err: error, actor: turn.actor.id }, 'Teams handler failed');
  return describeError(turn.locale, error);
}
