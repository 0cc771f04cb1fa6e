import { pino } from 'pino';
import { createOutboxWorker } from '../../src/outbox/worker.ts';
import type { SlackHarness } from './harness.ts';

/**
 * Delivers what is due in the outbox through the real Slack sender, by a fresh worker each time (as
 * after a restart: all it knows is in the database), and waits for the poll updates that follow.
 */
export async function pumpOutbox(h: SlackHarness): Promise<void> {
  const worker = createOutboxWorker({ store: h.store.outbox, senders: [h.adapter.sender], clock: h.clock, owner: `test-${Math.random()}`, log: pino({ level: 'silent' }) });
  await worker.pump();
  await worker.settled();
  await h.adapter.idle();
}
