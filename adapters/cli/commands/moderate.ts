import { Option, type Command } from 'commander';
import { OPERATOR_ID, parseProgress, parseSuggestionRef } from '../../../src/domain/follow-up.ts';
import { suggestionRef } from '../../../src/domain/suggestion.ts';
import { isInnspillError } from '../../../src/errors.ts';
import { catalog, describeError } from '../../../src/i18n/index.ts';
import type { Innspill } from '../../../src/innspill.ts';
import { reviewLine } from '../../console/render.ts';
import type { CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

/** The operator moderates as the project group; the record names them `operator`. */
const operator = { id: OPERATOR_ID };

/**
 * `innspill moderate list|approve|hide|restore|status`. A refusal (unknown ref, unknown status, a
 * reason too long) is one sentence in the default language on stderr and exit 1; nothing changes.
 */
export function registerModerate(program: Command, ctx: CliContext): void {
  const moderate = program.command('moderate').description('review what is published: list waiting suggestions, approve, hide, restore, set a status');

  const act = (work: (core: Innspill) => Promise<string>) =>
    withStore(ctx, async (core) => {
      try {
        ctx.stdout.write(`${await work(core)}\n`);
      } catch (error) {
        if (!isInnspillError(error)) throw error;
        ctx.stderr.write(`innspill: ${describeError(core.settings.defaultLocale, error)}\n`);
        process.exitCode = 1;
      }
    });
  const say = (core: Innspill) => catalog(core.settings.defaultLocale).followUp;

  moderate
    .command('list')
    .description('one line per suggestion waiting for review: #N, topic, text')
    .action(() =>
      withStore(ctx, async (core) => {
        for (const s of await core.reviewQueue(operator, 1000)) ctx.stdout.write(`${reviewLine(s, s.topic, '(proposed)')}\n`);
      }),
    );
  moderate
    .command('approve')
    .argument('<ref>', 'the suggestion number, with or without #')
    .description('publish a consented suggestion (in review mode)')
    .action((ref: string) => act(async (core) => say(core).approved({ ref: suggestionRef((await core.approve(operator, parseSuggestionRef(ref))).id) })));
  moderate
    .command('hide')
    .argument('<ref>', 'the suggestion number, with or without #')
    .addOption(new Option('--reason <text>', 'why, kept for the project group only (at most 500 characters)'))
    .description('take a suggestion out of everything published')
    .action((ref: string, opts: { reason?: string }) =>
      act(async (core) => say(core).hidden({ ref: suggestionRef((await core.hide(operator, parseSuggestionRef(ref), opts.reason)).id) })),
    );
  moderate
    .command('restore')
    .argument('<ref>', 'the suggestion number, with or without #')
    .description('undo a hide')
    .action((ref: string) => act(async (core) => say(core).restored({ ref: suggestionRef((await core.restore(operator, parseSuggestionRef(ref))).id) })));
  moderate
    .command('status')
    .argument('<ref>', 'the suggestion number, with or without #')
    .argument('<status>', 'received, considering, recommended, not-pursued or done (or the Norwegian words)')
    .addOption(new Option('--note <text>', 'a short public note: "you said, we did" (at most 500 characters)'))
    .description("set a suggestion's status; the sender is told")
    .action((ref: string, status: string, opts: { note?: string }) =>
      act(async (core) => {
        const progress = parseProgress(status);
        const { suggestion, notified } = await core.setStatus(operator, parseSuggestionRef(ref), progress, opts.note);
        return (notified ? say(core).statusSetNotified : say(core).statusSet)({ ref: suggestionRef(suggestion.id), status: say(core).progress[progress] });
      }),
    );
}
