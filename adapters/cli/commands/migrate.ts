import type { Command } from 'commander';
import type { CliContext } from '../program.ts';

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('bring the database to the schema this version needs (serve does this at start too)')
    .action(async () => {
      const config = ctx.config();
      const report = ({ from, to }: { from: number; to: number }) =>
        ctx.stdout.write(from === to ? `database is at schema version ${to}; nothing to do\n` : `migrated database from schema version ${from} to ${to}\n`);
      if (config.databaseUrl) {
        const { migratePostgresUrl } = await import('../../../storage/postgres/index.ts');
        report(await migratePostgresUrl(config.databaseUrl));
        return;
      }
      const { migrate, openDatabase } = await import('../../../storage/index.ts');
      const db = openDatabase(config.databasePath);
      try {
        report(migrate(db));
      } finally {
        db.close();
      }
    });
}
