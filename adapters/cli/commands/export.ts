import { chmodSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../../../src/export/formats.ts';
import { LOCALES, type Locale } from '../../../src/i18n/locale.ts';
import type { CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('export published (consented, anonymised) suggestions and poll results')
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .addOption(new Option('--out <file>', 'write to a file instead of standard output'))
    .addOption(new Option('--locale <locale>', 'language of the labels in CSV and HTML').choices(LOCALES))
    .action((opts: { format: ExportFormat; out?: string; locale?: Locale }) =>
      withStore(ctx, async (core) => {
        const { exportCsv, exportHtml, exportJson } = await import('../../../src/export/render.ts');
        const data = await core.exportPublished();
        const text =
          opts.format === 'json' ? exportJson(data) : opts.format === 'csv' ? exportCsv(data, opts.locale ?? core.settings.defaultLocale) : exportHtml(data, opts.locale ?? core.settings.defaultLocale);
        if (opts.out) {
          // Only the operator reads it until they choose to publish it.
          writeFileSync(opts.out, text, { mode: 0o600 });
          chmodSync(opts.out, 0o600);
          ctx.stderr.write(`wrote ${data.suggestions.length} suggestions and ${data.polls.length} polls to ${opts.out}\n`);
        } else ctx.stdout.write(text);
      }, { readOnly: true }),
    );
}
