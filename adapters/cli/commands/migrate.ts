import type { Command } from 'commander';
import type { CliContext } from '../program.ts';

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('bring the database to the schema this version needs (serve does this at start too)')
    .action(async () => {
      const config = ctx.config();
      const { migrate, openDatabase } = await import('../../../storage/index.ts');
      const db = openDatabase(config.databasePath);
      try {
        const { from, to } = migrate(db);
        ctx.stdout.write(from === to ? `database is at schema version ${to}; nothing to do\n` : `migrated database from schema version ${from} to ${to}\n`);
      } finally {
        db.close();
      }
    });
}
