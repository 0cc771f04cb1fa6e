import type { Command } from 'commander';
import type { CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

/** `publish --out DIR`: the public site as plain files, for the municipality's own web server. */
export function registerPublish(program: Command, ctx: CliContext): void {
  program
    .command('publish')
    .description('write the public site (pages, open data, feed, documents) as files into a folder')
    .requiredOption('--out <dir>', 'the folder to write (created if missing)')
    .action((opts: { out: string }) =>
      withStore(ctx, async (core) => {
        // The site's renderers load with this command only, not with every command's start.
        const [{ createPublicSite }, { pageSettings }, { createSiteWriter }] = await Promise.all([
          import('../../site/public-site.ts'),
          import('../../site/settings.ts'),
          import('../../site/write-dir.ts'),
        ]);
        const site = createPublicSite(core, pageSettings(ctx.config()), 'static');
        const { written } = await createSiteWriter(site, opts.out).write();
        ctx.stderr.write(`wrote ${written} files to ${opts.out}\n`);
      }, { readOnly: true }),
    );
}
