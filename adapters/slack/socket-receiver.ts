import type { App, Receiver } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from 'pino';
import { boltLogger } from './bolt-logger.ts';
import { dispatchToBolt } from './dispatch.ts';

interface Envelope {
  ack: (response?: unknown) => Promise<void>;
  body: Record<string, unknown>;
  retry_num?: number;
  retry_reason?: string;
}

/**
 * Socket Mode, with the same answering rules as HTTP (dispatch.ts): an event's envelope is acked
 * only once it is stored, so a crash between the two makes Slack redeliver rather than lose it.
 * Bolt's own SocketModeReceiver acks first and cannot be pointed at SLACK_API_URL; this one can.
 */
export class InnspillSocketReceiver implements Receiver {
  readonly client: SocketModeClient;
  private app: App | null = null;

  constructor(options: { appToken: string; apiUrl: string; logger: Logger }) {
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: boltLogger(options.logger),
      clientOptions: { slackApiUrl: options.apiUrl },
    });
    this.client.on('slack_event', (envelope: Envelope) => {
      if (!this.app) return;
      void dispatchToBolt(
        this.app,
        envelope.body,
        {
          answer: (response) => envelope.ack(response ?? undefined),
          // No ack: Slack sends the envelope again.
          fail: () => undefined,
          retryNum: envelope.retry_num,
          retryReason: envelope.retry_reason,
        },
        options.logger,
      ).catch((error: unknown) => options.logger.error({ err: error }, 'slack socket envelope not acknowledged'));
    });
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    await this.client.start();
  }

  async stop(): Promise<void> {
    await this.client.disconnect();
  }
}
