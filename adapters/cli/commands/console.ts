import { userInfo } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { actorFrom, participantIdSchema, type ParticipantRef } from '../../../src/domain/participant.ts';
import { LOCALES, type Locale } from '../../../src/i18n/index.ts';
import { runPlayground } from '../../console/playground.ts';
import type { CliContext } from '../program.ts';
import { createCore } from '../app.ts';

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

function participant(value: string): ParticipantRef {
  const parsed = participantIdSchema.safeParse(value.includes(':') ? value : `console:local:${value}`);
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]!.message);
  return parsed.data;
}

export async function runConsole(ctx: CliContext, opts: { as?: ParticipantRef; locale?: Locale }): Promise<void> {
  const config = ctx.config();
  const { store, core } = createCore(config, { logger: ctx.logger(config) });
  try {
    const ref = opts.as ?? participant(defaultUser());
    await runPlayground(core, actorFrom(ref, opts.locale ?? config.defaultLocale), { input: process.stdin, output: ctx.stdout });
  } finally {
    store.close();
  }
}

export function registerConsole(program: Command, ctx: CliContext): void {
  program
    .command('console')
    .description('the terminal playground: chat with the bot as a participant, no Slack or Teams needed')
    .addOption(new Option('--as <id>', 'who you are: a name, or a full id such as console:local:kari').argParser(participant))
    .addOption(new Option('--locale <locale>', 'language').choices(LOCALES))
    .action((opts: { as?: ParticipantRef; locale?: Locale }) => runConsole(ctx, opts));
}
