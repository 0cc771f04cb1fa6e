import type { Command } from 'commander';
import { refuseArgument, type CliContext } from '../program.ts';

export function registerCopy(program: Command, ctx: CliContext): void {
  program
    .command('copy')
    .description('copy everything from the SQLite database (DATABASE_PATH) into an empty PostgreSQL database, in one consistent snapshot')
    .requiredOption('--to <url>', 'the PostgreSQL database to fill: postgres://user:password@host:5432/name')
    .action(async (options: { to: string }, command: Command) => {
      if (!/^postgres(ql)?:\/\//.test(options.to)) refuseArgument(command, "option '--to <url>' argument", options.to.replace(/:[^:@/]*@/, ':***@'), 'Expected a postgres:// URL.');
      const config = ctx.config();
      const { copyToPostgres, redactUrl } = await import('../../../storage/copy.ts');
      const { keyFilePath } = await import('../secret.ts');
      const tables = await copyToPostgres(config.databasePath, options.to);
      const rows = tables.reduce((sum, t) => sum + t.rows, 0);
      ctx.stdout.write(`copied ${rows} rows in ${tables.length} tables from ${config.databasePath} to ${redactUrl(options.to)}; the counts match\n`);
      for (const t of tables) ctx.stdout.write(`  ${t.name.padEnd(28)} ${t.rows}\n`);
      ctx.stdout.write(
        `The pseudonyms in the copy were made with the key file ${keyFilePath(config.databasePath)}: keep it (and its backups) with the new database.\n` +
          `Next: set DATABASE_URL to the new database and restart Innspill.\n`,
      );
    });
}
