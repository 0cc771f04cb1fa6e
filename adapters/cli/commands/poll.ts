import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

function pollId(value: string): number {
  if (!/^#?\d{1,12}$/.test(value)) throw new InvalidArgumentError('expected a poll number');
  return Number(value.replace('#', ''));
}

/** `poll rounds <id>`: a recurring poll's results round by round. */
export function registerPoll(program: Command, ctx: CliContext): void {
  const poll = program.command('poll').description('polls: compare a recurring poll round by round');
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
}
