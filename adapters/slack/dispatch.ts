import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import { checkSlackPayload } from './payloads.ts';

export interface Transport {
  /** Sends Slack its answer (the HTTP response, or the socket envelope's ack). */
  answer(response: unknown): void | Promise<void>;
  /** The request failed before anything was answered: Slack should try again. */
  fail(error: unknown): void | Promise<void>;
  retryNum?: number | undefined;
  retryReason?: string | undefined;
}

/**
 * Hands one verified body to Bolt, whatever carried it. Bolt acks events before its listeners run;
 * we hold that answer until they are done, so a message is stored before Slack hears "ok" and an
 * event that failed to store is retried. Listeners never wait on the Web API before returning
 * (follow-up calls run in the background), so the hold costs a database write. Commands, actions
 * and views are answered the moment a listener calls `ack`.
 */
export async function dispatchToBolt(app: App, body: Record<string, unknown>, transport: Transport, logger: Logger): Promise<void> {
  const shape = checkSlackPayload(body);
  if (!shape.ok) {
    logger.debug({ kind: shape.kind, issue: shape.issue }, 'slack payload of an unexpected shape ignored');
    await transport.answer(undefined);
    return;
  }
  const holdUntilDone = body.type === 'event_callback';
  let answered = false;
  let held: unknown;
  const ack: ReceiverEvent['ack'] = async (response?: unknown) => {
    if (answered) {
      logger.warn('slack request acknowledged twice; the second answer is dropped');
      return;
    }
    answered = true;
    if (holdUntilDone) held = response;
    else await transport.answer(response);
  };
  try {
    await app.processEvent({
      body,
      ack,
      ...(transport.retryNum !== undefined ? { retryNum: transport.retryNum } : {}),
      ...(transport.retryReason ? { retryReason: transport.retryReason } : {}),
    });
  } catch (error) {
    logger.error({ err: error }, 'slack request failed');
    if (!answered || holdUntilDone) await transport.fail(error);
    return;
  }
  // A request no listener took (an unknown action id) is answered too, so Slack shows no error.
  if (!answered || holdUntilDone) await transport.answer(held);
}
