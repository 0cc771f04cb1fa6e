import { chmodSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { isInnspillError } from '../../../src/errors.ts';
import { LOCALES, type Locale } from '../../../src/i18n/locale.ts';
import { RESULT_FORMATS, type ResultFormat } from '../../../src/surveys/result-formats.ts';
import type { SurveyTarget } from '../../../src/surveys/target.ts';
import { parseDateTime, parseDuration } from '../../../src/surveys/when.ts';
import { refuseArgument, type CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

/*
 * The survey modules (their schemas, the renderer, the texts) load in the actions, so that
 * `innspill --help` and every other command start without them.
 */
const definition = () => import('../../../src/surveys/definition.ts');
const targets = () => import('../../../src/surveys/target.ts');

function surveyId(value: string): number {
  if (!/^#?\d{1,12}$/.test(value)) throw new InvalidArgumentError('expected the number of a survey, as `survey list` shows it');
  return Number(value.replace('#', ''));
}

/** `--to`, checked when the action runs and refused as commander refuses a bad option value. */
async function target(command: Command, value: string): Promise<SurveyTarget> {
  const parsed = (await targets()).parseTarget(value);
  if (!parsed.ok) refuseArgument(command, "option '--to <target>' argument", value, parsed.message);
  return parsed.target;
}

function duration(value: string, previous: number[] = []): number[] {
  const ms = parseDuration(value);
  if (ms === null) throw new InvalidArgumentError('expected a duration such as 3d, 12h or 90m');
  return [...previous, ms];
}

export function registerSurvey(program: Command, ctx: CliContext): void {
  const survey = program.command('survey').description('multi-question surveys ("questback"): create from a file, send, close, see results');

  /** A refusal from the core, in the default language, and exit 1. */
  const fail = async (locale: Locale, error: unknown) => {
    if (!isInnspillError(error)) throw error;
    const { describeError } = await import('../../../src/i18n/index.ts');
    ctx.stderr.write(`innspill: ${describeError(locale, error)}\n`);
    ctx.exitCode = 1;
  };

  survey
    .command('create')
    .description('create a survey from a YAML or JSON file; prints its number')
    .addOption(new Option('--file <file>', 'the survey file (see README: Surveys)').makeOptionMandatory())
    .action(async (opts: { file: string }) => {
      // The YAML parser is loaded only here, so no other command pays for it at start-up.
      const { readSurveyFile } = await import('../survey-file.ts');
      const read = readSurveyFile(opts.file);
      if (!read.ok) {
        for (const line of read.errors) ctx.stderr.write(`${line}\n`);
        ctx.exitCode = 1;
        return;
      }
      return withStore(ctx, async (core) => {
        const created = await core.surveys.create('cli', read.survey);
        ctx.stdout.write(`${created.id}\n`);
      });
    });

  survey
    .command('list')
    .description('list surveys: number, status, responses, title')
    .action(() =>
      withStore(ctx, async (core) => {
        const { textIn } = await definition();
        const all = await core.surveys.list();
        if (!all.length) ctx.stdout.write('no surveys yet (innspill survey create --file FILE)\n');
        for (const o of all) {
          ctx.stdout.write(`${o.survey.id}  ${o.status}  ${o.responses} responses  ${textIn(o.survey.definition.title, core.settings.defaultLocale, core.settings.defaultLocale)}\n`);
        }
      }, { readOnly: true }),
    );

  survey
    .command('show')
    .argument('<id>', 'the survey number', surveyId)
    .description('show a survey: its questions, sends and response count')
    .action((id: number) =>
      withStore(ctx, async (core) => {
        const locale = core.settings.defaultLocale;
        const [{ textIn }, { formatTarget }] = await Promise.all([definition(), targets()]);
        try {
          const o = await core.surveys.show(id);
          const d = o.survey.definition;
          const lines = [`#${id} ${textIn(d.title, locale, locale)}`, textIn(d.intro, locale, locale), ''];
          d.questions.forEach((q, i) => {
            lines.push(`${i + 1}. [${q.id}] ${textIn(q.text, locale, locale)} (${q.type}${q.required ? ', required' : ''}${q.type === 'multiple' && q.max ? `, max ${q.max}` : ''})`);
            if (q.type === 'single' || q.type === 'multiple') for (const o2 of q.options) lines.push(`   - ${o2.key}: ${textIn(o2.text, locale, locale)}`);
            if (q.type === 'scale') lines.push(`   1 = ${textIn(q.labels.low, locale, locale)}, 5 = ${textIn(q.labels.high, locale, locale)}`);
          });
          lines.push('');
          for (const s of o.sends) {
            lines.push(
              `sent to ${formatTarget(s.target)} (${s.recipients} participants) at ${s.startsAt.toISOString()}${s.closesAt ? `, closes ${s.closesAt.toISOString()}` : ''}${s.remindAt.length ? `, reminders ${s.remindAt.map((r) => r.toISOString()).join(', ')}` : ''}`,
            );
          }
          if (!o.sends.length) lines.push('not sent yet');
          lines.push(`${o.open ? 'open' : 'not open'}, ${o.responses} complete responses`);
          ctx.stdout.write(`${lines.join('\n')}\n`);
        } catch (error) {
          await fail(locale, error);
        }
      }),
    );

  survey
    .command('send')
    .argument('<id>', 'the survey number', surveyId)
    .description('send a survey to everyone or a segment through the outbox (a running server delivers it)')
    .addOption(new Option('--to <target>', 'everyone, area:<key>, industry:<key> or size:<band>').default('everyone', 'everyone'))
    .addOption(new Option('--at <datetime>', 'when to send: ISO 8601 or DD.MM.YYYY HH:MM in DIGEST_TIMEZONE (default now)'))
    .addOption(new Option('--close-at <datetime>', 'when it closes: ISO 8601 or DD.MM.YYYY HH:MM in DIGEST_TIMEZONE'))
    .addOption(new Option('--remind-after <duration>', 'remind those who have not answered this long after the send, e.g. 3d (repeatable)').argParser(duration))
    .action(async (id: number, opts: { to: string; at?: string; closeAt?: string; remindAfter?: number[] }, command: Command) => {
      const to = await target(command, opts.to);
      const { formatTarget } = await targets();
      return withStore(ctx, async (core) => {
        const now = core.clock();
        const time = (flag: string, value: string | undefined) => {
          if (value === undefined) return undefined;
          const parsed = parseDateTime(value, core.settings.timeZone, now);
          if (parsed.ok) return parsed.at;
          const why = parsed.reason === 'past' ? 'is in the past' : 'is not a time: use ISO 8601 (2026-12-01T12:00) or DD.MM.YYYY HH:MM';
          return command.error(`error: ${flag} ${JSON.stringify(value)} ${why}`, { exitCode: 2, code: 'innspill.surveyTime' });
        };
        const at = time('--at', opts.at);
        const closeAt = time('--close-at', opts.closeAt);
        try {
          const { send } = await core.surveys.send('cli', id, {
            target: to,
            ...(at ? { at } : {}),
            ...(closeAt ? { closeAt } : {}),
            ...(opts.remindAfter ? { remindAfterMs: opts.remindAfter } : {}),
          });
          ctx.stdout.write(
            `survey ${id} queued for ${send.recipients} participants (${formatTarget(send.target)}) at ${send.startsAt.toISOString()}${send.remindAt.length ? `; ${send.remindAt.length} reminder(s)` : ''}\n`,
          );
        } catch (error) {
          await fail(core.settings.defaultLocale, error);
        }
      });
    });

  survey
    .command('close')
    .argument('<id>', 'the survey number', surveyId)
    .description('close a survey now: no more answers, no more reminders')
    .action((id: number) =>
      withStore(ctx, async (core) => {
        try {
          await core.surveys.close('cli', id);
          ctx.stdout.write(`survey ${id} is closed\n`);
        } catch (error) {
          await fail(core.settings.defaultLocale, error);
        }
      }),
    );

  survey
    .command('results')
    .argument('<id>', 'the survey number', surveyId)
    .description('results by question (with response rate) and by segment, under the small-group rule')
    .addOption(new Option('--format <format>', 'output format').choices(RESULT_FORMATS).default('md'))
    .addOption(new Option('--locale <locale>', 'language of the texts').choices(LOCALES))
    .addOption(new Option('--out <file>', 'write to a file instead of standard output'))
    .action((id: number, opts: { format: ResultFormat; locale?: Locale; out?: string }) =>
      withStore(ctx, async (core) => {
        const locale = opts.locale ?? core.settings.defaultLocale;
        try {
          const { survey: s, results } = await core.surveys.results(id);
          const { renderSurveyResults } = await import('../../../src/surveys/render-results.ts');
          const text = renderSurveyResults(s, results, opts.format, { locale, fallback: core.settings.defaultLocale, minGroupSize: core.settings.minGroupSize });
          // Results can hold free-text answers: readable by the operator alone, like every export.
          if (opts.out) {
            writeFileSync(opts.out, text, { mode: 0o600 });
            chmodSync(opts.out, 0o600);
          }
          else ctx.stdout.write(text);
        } catch (error) {
          await fail(locale, error);
        }
      }, { readOnly: true }),
    );
}
