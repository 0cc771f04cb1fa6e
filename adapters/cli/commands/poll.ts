import { InvalidArgumentError, Option, type Command } from 'commander';
import { OPERATOR_ID } from '../../../src/domain/follow-up.ts';
import { InnspillError, isInnspillError } from '../../../src/errors.ts';
import type { Innspill } from '../../../src/innspill.ts';
import { EXIT_USAGE, type CliContext } from '../program.ts';
import { confirmed } from './privacy.ts';
import { withStore } from './with-store.ts';

function pollId(value: string): number {
  if (!/^#?\d{1,12}$/.test(value)) throw new InvalidArgumentError('expected a poll number');
  return Number(value.replace('#', ''));
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The catalogue and its error texts, as `poll edit|delete` load them. */
type I18n = typeof import('../../../src/i18n/index.ts');

/** `poll rounds <id>`: a recurring poll's results round by round; `poll edit|delete <id>`: `/poll rediger|slett` as the operator. */
export function registerPoll(program: Command, ctx: CliContext): void {
  const poll = program.command('poll').description('polls: compare a recurring poll round by round, edit or delete a poll');
  poll
    .command('rounds')
    .argument('<id>', 'any round of the recurring poll', pollId)
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .description("a recurring poll's results, round by round (rounds that hide their counts until they close show none)")
    .action((id: number, opts: { format: 'text' | 'json' }) =>
      withStore(
        ctx,
        async (core) => {
          const { poll: p, rounds } = await core.pollPlans.rounds(id);
          if (!rounds.length) {
            ctx.stderr.write(`poll ${id} does not repeat\n`);
            ctx.exitCode = 1;
            return;
          }
          if (opts.format === 'json') {
            const json = {
              question: p.question,
              options: p.options,
              rounds: rounds.map((r) => ({ round: r.round, poll: r.pollId, startsAt: r.startsAt.toISOString(), voters: r.voters, counts: r.tally?.counts ?? null })),
            };
            ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
          } else {
            // Loaded here, not at the top: it brings the whole catalogue, which `--help` does not need.
            const { roundsText } = await import('../../../src/polls/rounds-text.ts');
            ctx.stdout.write(`${roundsText(core.settings.defaultLocale, core.settings.timeZone, p, rounds)}\n`);
          }
        },
        { readOnly: true },
      ),
    );

  // The operator acts as the project group, through the same use cases as `/poll rediger|slett`, and
  // is refused (exit 1) in the words the chat gets, in the default language.
  const act = (work: (core: Innspill, i18n: I18n) => Promise<string | null>) =>
    withStore(ctx, async (core) => {
      // Loaded here, not at the top: the catalogue, which `--help` does not need.
      const i18n = await import('../../../src/i18n/index.ts');
      try {
        const done = await work(core, i18n);
        if (done !== null) ctx.stdout.write(`${done}\n`);
      } catch (error) {
        if (!isInnspillError(error)) throw error;
        ctx.stderr.write(`innspill: ${i18n.describeError(core.settings.defaultLocale, error)}\n`);
        ctx.exitCode = 1;
      }
    });

  poll
    .command('edit')
    .argument('<id>', 'the poll number', pollId)
    .addOption(new Option('--question <text>', 'the new question').makeOptionMandatory())
    .addOption(new Option('--option <text>', 'an answer (repeat it: 2 to 25)').argParser(collect).default([]))
    .description('change the question and answers of a poll no one has voted in yet (as /poll rediger does); the running server updates its posted messages')
    .action((id: number, opts: { question: string; option: string[] }) =>
      act(async (core, i18n) => {
        const locale = core.settings.defaultLocale;
        const edited = await core.pollPlans.edit({ id: OPERATOR_ID }, id, opts.question, opts.option);
        if (edited.ok) return i18n.catalog(locale).pollPlans.edited({ id });
        ctx.stderr.write(`innspill: ${i18n.describePollSyntaxError(locale, edited.syntax)}\n`);
        ctx.exitCode = 1;
        return null;
      }),
    );

  poll
    .command('delete')
    .argument('<id>', 'the poll number', pollId)
    .addOption(new Option('--yes', 'do not ask; needed when not run at a terminal'))
    .description('delete a poll with its votes; a recurring poll also stops (as /poll slett does); the running server updates its posted messages to say so')
    .action((id: number, opts: { yes?: boolean }) =>
      act(async (core, i18n) => {
        if (!opts.yes) {
          const { poll: p, voters } = await core.viewPoll(id);
          if (p.deletedAt) throw new InnspillError('poll_not_found');
          ctx.stdout.write(`This deletes, for good: poll ${id}, "${p.question}", with ${voters} voters' votes${p.seriesId ? ', and stops its rounds' : ''}\n`);
          if (!ctx.isTTY) {
            ctx.stderr.write('innspill: not at a terminal, so nothing was deleted; run again with --yes to delete\n');
            ctx.exitCode = EXIT_USAGE;
            return null;
          }
          if (!(await confirmed(ctx, 'Delete it? [y/N] '))) return 'nothing was deleted';
        }
        await core.pollPlans.delete({ id: OPERATOR_ID }, id);
        return i18n.catalog(core.settings.defaultLocale).pollPlans.deleted({ id });
      }),
    );
}
