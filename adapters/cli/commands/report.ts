import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { LOCALES, type Locale } from '../../../src/i18n/locale.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../../src/report/formats.ts';
import { parseDateOption, type CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

const DAY_MS = 24 * 3600 * 1000;

/** `--to 2026-11-30` means up to and including that day; a time means that moment. */
function endOption(value: string): Date {
  const at = parseDateOption(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(at.getTime() + DAY_MS) : at;
}

export function registerReport(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description('results by area, industry and size for a period, under the small-group rule: the summary for the annual conference')
    .addOption(new Option('--from <date>', 'first day (2026-01-01)').argParser(parseDateOption).makeOptionMandatory())
    .addOption(new Option('--to <date>', 'last day, included (2026-12-31)').argParser(endOption).makeOptionMandatory())
    .addOption(new Option('--format <format>', 'file format').choices(REPORT_FORMATS).default('md'))
    .addOption(new Option('--locale <locale>', 'language').choices(LOCALES))
    .addOption(new Option('--out <file>', 'write to a file instead of standard output'))
    .action(function (this: Command, opts: { from: Date; to: Date; format: ReportFormat; locale?: Locale; out?: string }) {
      if (opts.from.getTime() >= opts.to.getTime()) this.error('error: --from must be before --to');
      return withStore(
        ctx,
        async (core) => {
          // Loaded here, not at the top: other commands start without the report's renderers.
          const { reportHtml, reportJson, reportMarkdown } = await import('../../../src/report/render.ts');
          const report = await core.segmentReport({ start: opts.from, end: opts.to });
          const locale = opts.locale ?? core.settings.defaultLocale;
          const tz = core.settings.timeZone;
          const text = opts.format === 'json' ? reportJson(report) : opts.format === 'html' ? reportHtml(report, locale, tz) : reportMarkdown(report, locale, tz);
          if (opts.out) writeFileSync(opts.out, text);
          else ctx.stdout.write(text);
        },
        { readOnly: true },
      );
    });
}
