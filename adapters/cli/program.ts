import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { VERSION } from './version.ts';
import { registerCommands } from './commands/index.ts';

/** Exit codes: 0 done, 1 failed (configuration, database, delivery), 2 the command line was wrong. */
export const EXIT_USAGE = 2;

/** Where a run reads and writes: the process's own streams, or a test's. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** Whether a person is at the keyboard (`start` opens the playground only then). */
  isTTY: boolean;
}

export interface CliContext extends CliIo {
  env: Record<string, string | undefined>;
  /** What the run exits with when no error is thrown; a command sets 1 for "done, but not all of it". */
  exitCode: number;
  config(): Config;
  logger(config: Config): Logger;
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

/**
 * A value whose rule loads with the command's action (so `--help` loads no validation library):
 * refused with exit code 2, like commander's own argument checks.
 */
export function refuseArgument(command: Command, what: string, value: string, reason: string): never {
  command.error(`error: ${what} '${value}' is invalid. ${reason}`, { exitCode: EXIT_USAGE, code: 'commander.invalidArgument' });
}

export function buildProgram(ctx: CliContext): Command {
  const write = { writeOut: (s: string) => ctx.stdout.write(s), writeErr: (s: string) => ctx.stderr.write(s) };
  const program = new Command('innspill')
    .description('Innspill: gather input from local businesses in Slack and Microsoft Teams')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput(write)
    .exitOverride();
  registerCommands(program, ctx);
  program.commands.forEach((c) => c.exitOverride().configureOutput(write));
  return program;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, isTTY: Boolean(process.stdin.isTTY) };
}

/**
 * Runs one command line and returns its exit code; never exits the process, so tests run it in
 * their own process with their own streams. The configuration and the logger load only when a
 * command's action runs: `innspill --help` and a usage error stay cheap.
 */
export async function run(argv: string[], env: Record<string, string | undefined>, io: CliIo = processIo()): Promise<number> {
  let runtime: { config: typeof import('./config.ts'); logger: typeof import('./logger.ts') } | null = null;
  const loaded = () => {
    if (!runtime) throw new Error('the configuration is read only inside a command action');
    return runtime;
  };
  const ctx: CliContext = {
    ...io,
    env,
    exitCode: 0,
    config: () => loaded().config.loadConfig(env),
    logger: (config) => loaded().logger.createLogger(config.logLevel, io.stderr),
  };
  try {
    const program = buildProgram(ctx);
    program.hook('preAction', async () => {
      const [config, logger] = await Promise.all([import('./config.ts'), import('./logger.ts')]);
      runtime = { config, logger };
    });
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    // A wrong setting, a database from a newer version, a failed delivery: one line, no stack.
    ctx.stderr.write(`innspill: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
