import type { Actor } from '../../../src/domain/participant.ts';
import { isInnspillError } from '../../../src/errors.ts';
import { describeError } from '../../../src/i18n/index.ts';
import { textMessage } from '../render/messages.ts';
import type { HandlerDeps } from './deps.ts';

/** What a click's answer needs of the click: where to answer (`response_url`). */
export interface Answerable {
  response_url: string;
}

/** Answers to a click through its `response_url`; never waits, never throws. */
export function clickAnswers({ responder, logger }: Pick<HandlerDeps, 'responder' | 'logger'>) {
  /** An answer only the clicker sees, leaving the message clicked on as it is. */
  const privately = (body: Answerable, text: string) =>
    responder.post(body.response_url, { response_type: 'ephemeral', replace_original: false, ...textMessage(text) });
  const replace = (body: Answerable, text: string) => responder.post(body.response_url, { replace_original: true, ...textMessage(text) });
  const refuse = (body: Answerable, actor: Actor, error: unknown) => {
    if (!isInnspillError(error)) logger.error({ err: error }, 'slack action failed');
    privately(body, describeError(actor.locale, error));
  };
  return { privately, replace, refuse };
}
