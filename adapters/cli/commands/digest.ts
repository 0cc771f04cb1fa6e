import { Option, type Command } from 'commander';
import { renderDigestMarkdown } from '../../../src/digest/markdown.ts';
import { LOCALES, type Locale } from '../../../src/i18n/index.ts';
import { parseDateOption, type CliContext } from '../program.ts';
import { withStore } from './members.ts';

export function registerDigest(program: Command, ctx: CliContext): void {
  program
    .command('digest')
    .description('the weekly digest: preview it as Markdown')
    .addOption(new Option('--preview', 'print the digest of the last seven days (or since --since) as Markdown'))
    .addOption(new Option('--since <date>', 'start of the period, e.g. 2026-11-16').argParser(parseDateOption))
    .addOption(new Option('--locale <locale>', 'language of the digest').choices(LOCALES))
    .action((opts: { preview?: boolean; since?: Date; locale?: Locale }, command: Command) => {
      if (!opts.preview) command.error('error: say what to do: --preview', { exitCode: 2, code: 'innspill.digestAction' });
      return withStore(ctx, async (core) => {
        const period = core.previewPeriod(opts.since);
        if (period.start >= period.end) command.error('error: --since must be in the past', { exitCode: 2, code: 'innspill.since' });
        const model = await core.digestFor(period);
        ctx.stdout.write(renderDigestMarkdown(model, { locale: opts.locale ?? core.settings.defaultLocale, timeZone: core.settings.timeZone }));
      });
    });
}
