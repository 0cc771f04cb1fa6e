import { InvalidArgumentError, Option, type Command } from 'commander';
import type { OutboxRecord, OutboxStatus } from '../../../src/ports/outbox.ts';
import type { CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

function outboxId(value: string): number {
  if (!/^\d{1,12}$/.test(value)) throw new InvalidArgumentError('expected the number of an outbox message, as `outbox list` shows it');
  return Number(value);
}

/** One line an operator can read: what, to whom, how it stands, and why it failed. */
export function outboxLine(m: OutboxRecord): string {
  const parts = [`${m.id}`, m.status, m.platform, m.payload.type, m.label, `tries ${m.attempts}`];
  if (m.status === 'pending') parts.push(`next ${m.nextAttemptAt.toISOString()}`);
  if (m.status === 'sent' && m.sentAt) parts.push(`sent ${m.sentAt.toISOString()}`);
  if (m.lastError) parts.push(`error: ${m.lastError}`);
  return parts.join('  ');
}

export function registerOutbox(program: Command, ctx: CliContext): void {
  const outbox = program.command('outbox').description('messages the bot sends on its own: digests, polls to everyone, replies');
  outbox
    .command('list')
    .description('list pending and dead messages (--all: sent ones too)')
    .addOption(new Option('--all', 'include messages already sent'))
    .addOption(new Option('--limit <n>', 'at most this many').default(200).argParser(outboxId))
    .action((opts: { all?: boolean; limit: number }) =>
      withStore(ctx, async (core) => {
        const statuses: OutboxStatus[] = opts.all ? ['pending', 'sending', 'dead', 'sent'] : ['pending', 'sending', 'dead'];
        const list = await core.outbox.list(statuses, opts.limit);
        if (!list.length) ctx.stdout.write('the outbox is empty\n');
        for (const m of list) ctx.stdout.write(`${outboxLine(m)}\n`);
      }, { readOnly: true }),
    );
  outbox
    .command('retry')
    .argument('<id>', 'the message number', outboxId)
    .description('send a dead message again, the next time `innspill serve` runs (at once if it is running)')
    .action((id: number) =>
      withStore(ctx, async (core) => {
        if (await core.outbox.retry(id, core.clock())) ctx.stdout.write(`message ${id} is queued again: it goes out when \`innspill serve\` next runs (at once if it is running now)\n`);
        else {
          ctx.stderr.write(`message ${id} is not a dead message in the outbox (see innspill outbox list)\n`);
          ctx.exitCode = 1;
        }
      }),
    );
}
