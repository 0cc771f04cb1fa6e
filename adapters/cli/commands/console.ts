import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import type { ParticipantRef } from '../../../src/domain/participant.ts';
import { LOCALES, type Locale } from '../../../src/i18n/locale.ts';
import { refuseArgument, type CliContext } from '../program.ts';

function defaultUser(): string {
  const name = (() => {
    try {
      return userInfo().username;
    } catch {
      return 'me';
    }
  })();
  return name.replace(/[^A-Za-z0-9._@-]/g, '') || 'me';
}

/** `--as`: a name, or a full participant id (its rule loads with the action, not with `--help`). */
async function participant(value: string, command: Command | null): Promise<ParticipantRef> {
  const { participantIdSchema } = await import('../../../src/domain/participant.ts');
  const parsed = participantIdSchema.safeParse(value.includes(':') ? value : `console:local:${value}`);
  if (parsed.success) return parsed.data;
  if (!command) throw new Error(parsed.error.issues[0]!.message);
  return refuseArgument(command, "option '--as <id>' argument", value, parsed.error.issues[0]!.message);
}

export async function runConsole(ctx: CliContext, opts: { as?: string; locale?: Locale }, command: Command | null = null): Promise<void> {
  const config = ctx.config();
  const ref = await participant(opts.as ?? defaultUser(), opts.as === undefined ? null : command);
  const [{ actorFrom }, { runPlayground }, { createCore }] = await Promise.all([
    import('../../../src/domain/participant.ts'),
    import('../../console/playground.ts'),
    import('../app.ts'),
  ]);
  const { store, core } = createCore(config, { logger: ctx.logger(config) });
  try {
    await runPlayground(core, actorFrom(ref, opts.locale ?? config.defaultLocale), { input: ctx.stdin, output: ctx.stdout });
  } finally {
    store.close();
  }
}

export function registerConsole(program: Command, ctx: CliContext): void {
  program
    .command('console')
    .description('the terminal playground: chat with the bot as a participant, no Slack or Teams needed')
    .addOption(new Option('--as <id>', 'who you are: a name, or a full id such as console:local:kari'))
    .addOption(new Option('--locale <locale>', 'language').choices(LOCALES))
    .action((opts: { as?: string; locale?: Locale }, command: Command) => runConsole(ctx, opts, command));
}
