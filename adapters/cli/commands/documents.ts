import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliContext } from '../program.ts';
import { withStore } from './with-store.ts';

function documentId(value: string): number {
  if (!/^#?\d{1,12}$/.test(value)) throw new InvalidArgumentError('expected a document number from `documents list`');
  return Number(value.replace('#', ''));
}

/** `documents add|list|remove`: meeting minutes and presentations on the public page. */
export function registerDocuments(program: Command, ctx: CliContext): void {
  const documents = program.command('documents').description('publish meeting minutes and presentations on the public page');
  documents
    .command('add')
    .description('publish a PDF or Markdown file, or a link')
    .addOption(new Option('--title <title>', 'the title shown on the page').makeOptionMandatory())
    .addOption(new Option('--file <file>', 'a PDF (.pdf) or Markdown (.md) file, kept in the database').conflicts('url'))
    .addOption(new Option('--url <url>', 'a link to a document published elsewhere'))
    .addOption(new Option('--date <date>', 'the date of the meeting, YYYY-MM-DD (default: today)'))
    .action((opts: { title: string; file?: string; url?: string; date?: string }) =>
      withStore(ctx, async (core) => {
        if (!opts.file && !opts.url) {
          ctx.stderr.write('innspill: give --file FILE or --url URL\n');
          ctx.exitCode = 2;
          return;
        }
        const file = opts.file ? { name: basename(opts.file), bytes: readFileSync(opts.file) } : undefined;
        const { documentFileName } = await import('../../../src/domain/document.ts');
        const doc = await core.addDocument({ title: opts.title, ...(opts.date ? { date: opts.date } : {}), ...(file ? { file } : {}), ...(opts.url ? { url: opts.url } : {}) });
        const where = documentFileName(doc);
        ctx.stdout.write(`published document ${doc.id}: ${doc.title} (${doc.kind}, ${doc.date})${where ? `, at /files/${where}` : ''}\n`);
      }),
    );
  documents
    .command('list')
    .description('list the published documents, newest first')
    .action(() =>
      withStore(ctx, async (core) => {
        const { documentFileName } = await import('../../../src/domain/document.ts');
        for (const d of await core.listDocuments()) {
          ctx.stdout.write(`${d.id}\t${d.date}\t${d.kind}\t${d.title}\t${d.url ?? `/files/${documentFileName(d)}`}\n`);
        }
      }, { readOnly: true }),
    );
  documents
    .command('remove')
    .argument('<id>', 'the document number', documentId)
    .description('take a document off the page')
    .action((id: number) =>
      withStore(ctx, async (core) => {
        if (await core.removeDocument(id)) ctx.stdout.write(`removed document ${id}\n`);
        else {
          ctx.stderr.write(`no document ${id}\n`);
          ctx.exitCode = 1;
        }
      }),
    );
}
