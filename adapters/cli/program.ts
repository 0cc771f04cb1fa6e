import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { VERSION } from './version.ts';
import { registerCommands } from './commands/index.ts';
import { DatabaseFromFutureError } from '../../storage/index.ts';

/** Exit codes: 0 done, 1 failed (configuration, database, delivery), 2 the command line was wrong. */
export const EXIT_USAGE = 2;

export interface CliContext {
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  config(): Config;
  logger(config: Config): ReturnType<typeof createLogger>;
}

export function parseDateOption(value: string): Date {
  // Date.parse rolls 2026-02-30 over to 2 March; a day that is not in the calendar is refused.
  const day = value.slice(0, 10);
  const real = !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value)) || !real) {
    throw new InvalidArgumentError('expected a date such as 2026-11-16 or 2026-11-16T08:00');
  }
  return new Date(value);
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('innspill')
    .description('Innspill: gather input from local businesses in Slack and Microsoft Teams')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) })
    .exitOverride();
  registerCommands(program, ctx);
  program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) }));
  return program;
}


export async function run(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const ctx: CliContext = {
    env,
    stdout: process.stdout,
    stderr: process.stderr,
    config: () => loadConfig(env),
    logger: (config) => createLogger(config.logLevel),
  };
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError || error instanceof DatabaseFromFutureError) {
      ctx.stderr.write(`innspill: ${error.message}\n`);
      return 1;
    }
    ctx.stderr.write(`innspill: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

