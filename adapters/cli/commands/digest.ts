import { Option, type Command } from 'commander';
import type { DigestTextFormat } from '../../../src/digest/markdown.ts';
import { LOCALES, type Locale } from '../../../src/i18n/locale.ts';
import { parseDateOption, type CliContext } from '../program.ts';
import { withStore } from './with-store.ts';
import { outboxLine } from './outbox.ts';

const POLL_MS = 250;

/**
 * Queues the digest of the period since the last one for every member, sends it through the
 * outbox (with its rate limits and retries) and waits until each message is delivered or dead.
 */
async function sendNow(ctx: CliContext): Promise<void> {
  const config = ctx.config();
  const logger = ctx.logger(config);
  const [{ createCore }, { createDelivery, recoverInterrupted }, { createPlatforms }] = await Promise.all([
    import('../core.ts'),
    import('../delivery.ts'),
    import('../platforms.ts'),
  ]);
  const { store, core, secrets } = await createCore(config, { logger });
  const platforms = await createPlatforms(config, { core, store, secrets }, logger);
  if (platforms.senders.length === 0) {
    store.close();
    throw new Error('no platform to send the digest through: set SLACK_BOT_TOKEN (or the Slack OAuth variables) or MicrosoftAppId; `digest --preview` shows it meanwhile');
  }
  const delivery = createDelivery({ config, core, store, senders: platforms.senders, logger });
  try {
    const result = await core.runDigest({ slot: core.clock(), manual: true });
    if (!result) throw new Error('another digest was queued at this very moment; run the command again');
    for (const id of result.unreachable) ctx.stdout.write(`${id}  not reachable: no Slack or Teams account\n`);
    if (!result.messageIds.length && !result.unreachable.length) ctx.stdout.write('no members to send to (npx innspill members add <id>)\n');
    await recoverInterrupted(store, core.clock, logger);
    delivery.worker.start();
    const reported = new Set<number>();
    let failed = result.unreachable.length > 0;
    while (reported.size < result.messageIds.length) {
      for (const m of await store.outbox.getMany(result.messageIds)) {
        if (reported.has(m.id) || (m.status !== 'sent' && m.status !== 'dead')) continue;
        reported.add(m.id);
        failed ||= m.status === 'dead';
        ctx.stdout.write(`${m.label}  ${m.status === 'sent' ? 'delivered' : `not delivered (${outboxLine(m)})`}\n`);
      }
      if (reported.size < result.messageIds.length) await new Promise((r) => setTimeout(r, POLL_MS));
    }
    if (failed) ctx.exitCode = 1;
  } finally {
    await delivery.worker.stop();
    store.close();
  }
}

export function registerDigest(program: Command, ctx: CliContext): void {
  program
    .command('digest')
    .description('the weekly digest: preview it as Markdown, or send it to every member now')
    .addOption(new Option('--preview', 'print the digest of the last seven days (or since --since) as Markdown').conflicts('send'))
    .addOption(new Option('--send', 'send the digest of the period since the last one to every member now, and wait until each is delivered').conflicts('since'))
    .addOption(new Option('--since <date>', 'start of the period, e.g. 2026-11-16').argParser(parseDateOption))
    .addOption(new Option('--locale <locale>', 'language of the digest').choices(LOCALES))
    .addOption(new Option('--format <format>', 'preview as Markdown to paste (md) or as clean text (text); default: text in a terminal, md otherwise').choices(['md', 'text']).conflicts('send'))
    .action((opts: { preview?: boolean; send?: boolean; since?: Date; locale?: Locale; format?: DigestTextFormat }, command: Command) => {
      if (opts.send) return sendNow(ctx);
      if (!opts.preview) command.error('error: say what to do: --preview or --send', { exitCode: 2, code: 'innspill.digestAction' });
      return withStore(ctx, async (core) => {
        const { renderDigestMarkdown } = await import('../../../src/digest/markdown.ts');
        const period = core.previewPeriod(opts.since);
        if (period.start >= period.end) command.error('error: --since must be in the past', { exitCode: 2, code: 'innspill.since' });
        const model = await core.digestFor(period);
        // A terminal gets clean text; a pipe or file gets Markdown, ready to paste.
        const format = opts.format ?? ((ctx.stdout as { isTTY?: boolean }).isTTY ? 'text' : 'md');
        ctx.stdout.write(renderDigestMarkdown(model, { locale: opts.locale ?? core.settings.defaultLocale, timeZone: core.settings.timeZone, format }));
      }, { readOnly: true });
    });
}
