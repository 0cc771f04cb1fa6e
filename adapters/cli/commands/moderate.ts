import { Option, type Command } from 'commander';
import type { Innspill } from '../../../src/innspill.ts';
import type { CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

/** The rules and words the moderation commands need, loaded inside an action so `innspill --help` stays cheap. */
async function loadModeration() {
  const [{ OPERATOR_ID, parseProgress, parseSuggestionRef }, { suggestionRef }, { isInnspillError }, { catalog, describeError }] = await Promise.all([
    import('../../../src/domain/follow-up.ts'),
    import('../../../src/domain/suggestion.ts'),
    import('../../../src/errors.ts'),
    import('../../../src/i18n/index.ts'),
  ]);
  // The operator moderates as the project group; the record names them `operator`.
  return { operator: { id: OPERATOR_ID }, parseProgress, parseSuggestionRef, suggestionRef, isInnspillError, catalog, describeError };
}
type Moderation = Awaited<ReturnType<typeof loadModeration>>;

/**
 * `innspill moderate list|approve|hide|restore|status`. A refusal (unknown ref, unknown status, a
 * reason too long) is one sentence in the default language on stderr and exit 1; nothing changes.
 */
export function registerModerate(program: Command, ctx: CliContext): void {
  const moderate = program.command('moderate').description('review what is published: list waiting suggestions, approve, hide, restore, set a status');

  const act = (work: (core: Innspill, m: Moderation) => Promise<string>) =>
    withStore(ctx, async (core) => {
      const m = await loadModeration();
      try {
        ctx.stdout.write(`${await work(core, m)}\n`);
      } catch (error) {
        if (!m.isInnspillError(error)) throw error;
        ctx.stderr.write(`innspill: ${m.describeError(core.settings.defaultLocale, error)}\n`);
        ctx.exitCode = 1;
      }
    });
  const say = (core: Innspill, m: Moderation) => m.catalog(core.settings.defaultLocale).followUp;

  moderate
    .command('list')
    .description('one line per suggestion waiting for review: #N, topic, text')
    .action(() =>
      withStore(
        ctx,
        async (core) => {
          const [{ operator }, { reviewLine }] = await Promise.all([loadModeration(), import('../../console/render.ts')]);
          for (const s of await core.reviewQueue(operator, 1000)) ctx.stdout.write(`${reviewLine(s, s.topic, 'en')}\n`);
        },
        { readOnly: true },
      ),
    );
  moderate
    .command('approve')
    .argument('<ref>', 'the suggestion number, with or without #')
    .description('publish a consented suggestion (in review mode)')
    .action((ref: string) => act(async (core, m) => say(core, m).approved({ ref: m.suggestionRef((await core.approve(m.operator, m.parseSuggestionRef(ref))).id) })));
  moderate
    .command('hide')
    .argument('<ref>', 'the suggestion number, with or without #')
    .addOption(new Option('--reason <text>', 'why, kept for the project group only (at most 500 characters)'))
    .description('take a suggestion out of everything published')
    .action((ref: string, opts: { reason?: string }) =>
      act(async (core, m) => say(core, m).hidden({ ref: m.suggestionRef((await core.hide(m.operator, m.parseSuggestionRef(ref), opts.reason)).id) })),
    );
  moderate
    .command('restore')
    .argument('<ref>', 'the suggestion number, with or without #')
    .description('undo a hide')
    .action((ref: string) => act(async (core, m) => say(core, m).restored({ ref: m.suggestionRef((await core.restore(m.operator, m.parseSuggestionRef(ref))).id) })));
  moderate
    .command('status')
    .argument('<ref>', 'the suggestion number, with or without #')
    .argument('<status>', 'received, considering, recommended, not-pursued or done (or the Norwegian words)')
    .addOption(new Option('--note <text>', 'a short public note: "you said, we did" (at most 500 characters)'))
    .description("set a suggestion's status; the sender is told")
    .action((ref: string, status: string, opts: { note?: string }) =>
      act(async (core, m) => {
        const progress = m.parseProgress(status);
        const { suggestion, notified } = await core.setStatus(m.operator, m.parseSuggestionRef(ref), progress, opts.note);
        return (notified ? say(core, m).statusSetNotified : say(core, m).statusSet)({ ref: m.suggestionRef(suggestion.id), status: say(core, m).progress[progress] });
      }),
    );
}
