import { InvalidArgumentError, type Command } from 'commander';
import { participantIdSchema, formatParticipantId } from '../../../src/domain/participant.ts';
import type { CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

export function memberId(value: string): string {
  const parsed = participantIdSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]!.message);
  return formatParticipantId(parsed.data);
}

export function registerMembers(program: Command, ctx: CliContext): void {
  const members = program.command('members').description('name the project group members who get the digest and may moderate');
  members
    .command('add')
    .argument('<id>', 'slack:<team_id>:<user_id> or teams:<tenant_id>:<aad_object_id>', memberId)
    .description('make someone a member')
    .action((id: string) =>
      withStore(ctx, async (core) => {
        const added = await core.members.add(id, core.clock());
        ctx.stdout.write(added ? `added ${id}\n` : `${id} is already a member\n`);
      }),
    );
  members
    .command('remove')
    .argument('<id>', 'the member id', memberId)
    .description('remove a member')
    .action((id: string) =>
      withStore(ctx, async (core) => {
        if (await core.members.remove(id)) ctx.stdout.write(`removed ${id}\n`);
        else {
          ctx.stderr.write(`${id} is not a member\n`);
          process.exitCode = 1;
        }
      }),
    );
  members
    .command('list')
    .description('list the members, one per line')
    .action(() =>
      withStore(ctx, async (core) => {
        for (const id of await core.members.list()) ctx.stdout.write(`${id}\n`);
      }, { readOnly: true }),
    );
}
