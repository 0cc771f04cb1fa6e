import type { Command } from 'commander';
import { refuseArgument, type CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

export async function memberId(value: string, command: Command): Promise<string> {
  const { participantIdSchema, formatParticipantId } = await import('../../../src/domain/participant.ts');
  const parsed = participantIdSchema.safeParse(value);
  if (!parsed.success) refuseArgument(command, "command-argument value", value, parsed.error.issues[0]!.message);
  return formatParticipantId(parsed.data);
}

export function registerMembers(program: Command, ctx: CliContext): void {
  const members = program.command('members').description('name the project group members who get the digest and may moderate');
  members
    .command('add')
    .argument('<id>', 'slack:<team_id>:<user_id> or teams:<tenant_id>:<aad_object_id>')
    .description('make someone a member')
    .action(async (raw: string, _opts: unknown, command: Command) => {
      const id = await memberId(raw, command);
      await withStore(ctx, async (core) => {
        const added = await core.members.add(id, core.clock());
        ctx.stdout.write(added ? `added ${id}\n` : `${id} is already a member\n`);
      });
    });
  members
    .command('remove')
    .argument('<id>', 'the member id')
    .description('remove a member')
    .action(async (raw: string, _opts: unknown, command: Command) => {
      const id = await memberId(raw, command);
      await withStore(ctx, async (core) => {
        if (await core.members.remove(id)) ctx.stdout.write(`removed ${id}\n`);
        else {
          ctx.stderr.write(`${id} is not a member\n`);
          ctx.exitCode = 1;
        }
      });
    });
  members
    .command('list')
    .description('list the members, one per line')
    .action(() =>
      withStore(ctx, async (core) => {
        for (const id of await core.members.list()) ctx.stdout.write(`${id}\n`);
      }, { readOnly: true }),
    );
}
