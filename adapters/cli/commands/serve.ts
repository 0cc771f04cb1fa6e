import type { Command } from 'commander';
import type { CliContext } from '../program.ts';
import { runConsole } from './console.ts';

/** Runs the server until SIGTERM or SIGINT, then drains requests and closes the database. */
export async function serve(ctx: CliContext): Promise<void> {
  const config = ctx.config();
  const logger = ctx.logger(config);
  const { createApp } = await import('../app.ts');
  const app = await createApp(config, { logger });
  try {
    await app.start();
  } catch (error) {
    // Close what did start (database, workers, timers) so the process exits with the error.
    await app.stop();
    throw error;
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      void app.stop().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('run the bot: one HTTP server for Slack (/slack/events), Teams (/api/messages), /healthz and the public site (/, /en, /data.json, /data.csv, /feed.atom, /files/…)')
    .action(() => serve(ctx));

  program
    .command('start', { hidden: true })
    .description('what `npm start` runs: the server, or the terminal playground when no platform is configured and a person is at the keyboard')
    .action(async () => {
      const config = ctx.config();
      const configured = Boolean(config.slack || config.teams.appId);
      if (!configured && ctx.isTTY) {
        ctx.stderr.write('No Slack or Teams credentials are set: starting the terminal playground. Run `npx innspill serve` for the server.\n');
        await runConsole(ctx, { publicSite: true });
      } else {
        await serve(ctx);
      }
    });
}
