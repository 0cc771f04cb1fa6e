import * as z from 'zod';
import type { Actor } from '../domain/participant.ts';
import { DocumentInputError, documentDate, documentIdOf, documentTitle, documentUrl, fileKind, documentFileName, parseDocumentCommand } from '../domain/document.ts';
import { catalog, describeError } from '../i18n/index.ts';
import { InnspillError } from '../errors.ts';
import type { StoredDocument } from '../ports/public-site.ts';
import type { CoreDeps } from './context.ts';

export interface DocumentInput {
  title: string;
  /** YYYY-MM-DD; today (in the configured time zone) when left out. */
  date?: string;
  url?: string;
  file?: { name: string; bytes: Uint8Array };
}

/** Today's date where the project is, as YYYY-MM-DD. */
function today(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new DocumentInputError(result.error.issues[0]!.message);
  return result.data;
}

/** Publishes a document (a PDF, a Markdown text, or a link) on the public page. The operator's and members' way in. */
export async function addDocument(deps: CoreDeps, input: DocumentInput): Promise<StoredDocument> {
  const title = check(documentTitle, input.title);
  const date = input.date === undefined ? today(deps.clock(), deps.settings.timeZone) : check(documentDate, input.date);
  if ((input.url === undefined) === (input.file === undefined)) throw new DocumentInputError('give either a file or a link');
  const common = { title, date, createdAt: deps.clock() };
  if (input.url !== undefined) return deps.store.documents.add({ ...common, kind: 'link', url: check(documentUrl, input.url), content: null });
  const file = input.file!;
  return deps.store.documents.add({ ...common, kind: fileKind(file.name, file.bytes), url: null, content: file.bytes });
}

/** `/innspill dokument <url> <title>` from chat: only the project group publishes. */
export async function shareDocumentLink(deps: CoreDeps, actor: Actor, url: string, title: string): Promise<StoredDocument> {
  if (!(await deps.store.members.isMember(actor.id))) throw new InnspillError('not_allowed');
  return addDocument(deps, { url, title });
}

/** A stored file by the name it is published under, with its bytes; null for any other name. */
export async function documentFile(deps: CoreDeps, name: string): Promise<{ document: StoredDocument; name: string; bytes: Uint8Array } | null> {
  const id = documentIdOf(name);
  if (id === null) return null;
  const document = await deps.store.documents.get(id);
  // Only the exact current name: an old title's name, or a link's id, finds nothing.
  if (!document || documentFileName(document) !== name) return null;
  const bytes = await deps.store.documents.content(id);
  return bytes ? { document, name, bytes } : null;
}

/**
 * `/innspill dokument <url> <title>` on any platform: the reply in the member's language, or null
 * when the text is not this command (then it is an ordinary suggestion).
 */
export async function documentCommand(deps: CoreDeps, actor: Actor, text: string): Promise<string | null> {
  const parsed = parseDocumentCommand(text);
  if (!parsed) return null;
  const t = catalog(actor.locale).publicSite;
  if ('usage' in parsed) return t.documentUsage;
  try {
    const doc = await shareDocumentLink(deps, actor, parsed.url, parsed.title);
    return t.documentAdded({ id: String(doc.id), title: doc.title });
  } catch (error) {
    if (error instanceof DocumentInputError) return `${t.documentUsage} (${error.message})`;
    return describeError(actor.locale, error);
  }
}
