import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import type { ParticipantRef } from '../../../src/domain/participant.ts';
import { LOCALES, type Locale } from '../../../src/i18n/locale.ts';
import { refuseArgument, type CliContext } from '../program.ts';
import type { Config } from '../config.ts';
import type { Innspill } from '../../../src/innspill.ts';

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

/**
 * What `npm start` adds to the playground: the public site on `PORT`, so a newcomer sees the page fill
 * as they type. A port already taken only costs the page, never the playground.
 */
async function servePublicSite(ctx: CliContext, config: Config, core: Innspill): Promise<(() => Promise<void>) | null> {
  const logger = ctx.logger(config);
  const [{ publicSite }, { createHttpServer }] = await Promise.all([import('../app.ts'), import('../../http/server.ts')]);
  const { routes, publisher } = publicSite(config, core, logger);
  if (!routes.length && !publisher) return null;
  const http = createHttpServer(routes, logger);
  try {
    const { port } = await http.listen(config.port, config.host);
    if (routes.length) ctx.stderr.write(`Den offentlige siden / the public page: http://localhost:${port}/\n`);
  } catch (error) {
    ctx.stderr.write(`The public page is not served: port ${config.port} is not free (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`);
  }
  await publisher?.start();
  return async () => {
    await publisher?.stop();
    await http.close(0);
  };
}

export async function runConsole(ctx: CliContext, opts: { as?: string; locale?: Locale; publicSite?: boolean }, command: Command | null = null): Promise<void> {
  const config = ctx.config();
  const ref = await participant(opts.as ?? defaultUser(), opts.as === undefined ? null : command);
  const [{ actorFrom }, { runPlayground }, { createCore }] = await Promise.all([
    import('../../../src/domain/participant.ts'),
    import('../../console/playground.ts'),
    import('../core.ts'),
  ]);
  const { store, core } = await createCore(config, { logger: ctx.logger(config) });
  const stopSite = opts.publicSite ? await servePublicSite(ctx, config, core) : null;
  try {
    await runPlayground(core, actorFrom(ref, opts.locale ?? config.defaultLocale), { input: ctx.stdin, output: ctx.stdout });
  } finally {
    await stopSite?.();
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
