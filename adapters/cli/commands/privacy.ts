import { createInterface } from 'node:readline/promises';
import { Option, type Command } from 'commander';
import type { Holdings } from '../../../src/ports/store.ts';
import { EXIT_USAGE, type CliContext } from '../program.ts';
import { memberId } from './members.ts';
import { withStore } from './with-store.ts';

/** What `forget` is about to remove, in lines an operator can check against the request. */
export function holdingsSummary(id: string, h: Holdings & { surveyResponses: readonly unknown[] }): string {
  const lines = [
    `participant row: ${h.participant ? 'yes' : 'no'}${h.member ? ' (also a project member)' : ''}`,
    `suggestions: ${h.suggestions.length} (${h.suggestions.filter((s) => s.anonymous).length} anonymous)`,
    `votes: ${h.votes.length}`,
    `survey responses: ${h.surveyResponses.length}`,
    `activity hours: ${h.activity.length}`,
    `replies written as a member: ${h.replies.length}`,
    `answers to or from the project group: ${h.answers.length}`,
    `outbox messages to them: ${h.outbox.length}`,
    `rendered digests holding their suggestions: ${h.digestsMentioning.length}`,
    `chat records (DM channel, conversation references): ${h.platformState.length}`,
  ];
  return `${id}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** A yes from the person at the terminal; anything else is a no. */
export async function confirmed(ctx: CliContext, question: string): Promise<boolean> {
  const rl = createInterface({ input: ctx.stdin, output: ctx.stderr });
  try {
    return /^(y|yes|j|ja)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export function registerPrivacy(program: Command, ctx: CliContext): void {
  program
    .command('forget')
    .argument('<id>', 'the person: slack:<team_id>:<user_id> or teams:<tenant_id>:<aad_object_id>')
    .addOption(new Option('--yes', 'do not ask; needed when not run at a terminal'))
    .description('erase everything held about a person (an erasure request), anonymous records included')
    .action(async (raw: string, opts: { yes?: boolean }, command: Command) => {
      const id = await memberId(raw, command);
      await withStore(ctx, async (core) => {
        const { parseParticipantId } = await import('../../../src/domain/participant.ts');
        const ref = parseParticipantId(id);
        if (!opts.yes) {
          ctx.stdout.write(`This removes, for good:\n${holdingsSummary(id, await core.showPerson(ref))}`);
          if (!ctx.isTTY) {
            ctx.stderr.write('innspill: not at a terminal, so nothing was removed; run again with --yes to erase\n');
            ctx.exitCode = EXIT_USAGE;
            return;
          }
          if (!(await confirmed(ctx, 'Erase all of this? [y/N] '))) {
            ctx.stdout.write('nothing was removed\n');
            return;
          }
        }
        const erased = await core.forgetPerson(ref);
        ctx.stdout.write(
          `erased ${id}: participant ${erased.participant ? 'removed' : 'not found'}, ${erased.suggestions} suggestions, ${erased.votes} votes, ` +
            `${erased.surveyResponses} survey responses, ${erased.activity} activity hours, ${erased.replies} replies, ${erased.answers} answers, ${erased.outbox} outbox messages, ${erased.digests} digests cleaned, ` +
            `${erased.platformState} chat records\n`,
        );
      });
    });

  program
    .command('participant')
    .description('what is held about one person')
    .command('show')
    .argument('<id>', 'the person: slack:<team_id>:<user_id> or teams:<tenant_id>:<aad_object_id>')
    .description('print, as JSON, everything held about a person (an access request), anonymous records included')
    .action(async (raw: string, _opts: unknown, command: Command) => {
      const id = await memberId(raw, command);
      await withStore(
        ctx,
        async (core) => {
          const { parseParticipantId } = await import('../../../src/domain/participant.ts');
          ctx.stdout.write(`${JSON.stringify({ id, ...(await core.showPerson(parseParticipantId(id))) }, null, 2)}\n`);
        },
        { readOnly: true },
      );
    });

  program
    .command('maintenance')
    .description('apply the retention rules once (serve does it every hour)')
    .action(() =>
      withStore(ctx, async (core) => {
        const p = await core.runMaintenance();
        ctx.stdout.write(
          `removed ${p.outbox} old outbox messages, ${p.deliveryRecords} delivery records and ${p.platformState} digest-part records; ` +
            `${p.sealedSenders} sealed senders past the reply window\n`,
        );
      }),
    );
}
