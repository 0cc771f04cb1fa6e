import * as z from 'zod';

/** Meeting minutes and presentations: a PDF, a Markdown text (shown as a page), or a link elsewhere. */
export const DOCUMENT_KINDS = ['pdf', 'markdown', 'link'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

export const documentTitle = z.string().trim().min(1, 'the title is empty').max(200, 'the title is longer than 200 characters');
export const documentDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'expected a real date as YYYY-MM-DD');
/** Only web links: a `javascript:` or `data:` URL on a public page would run or smuggle content. */
export const documentUrl = z
  .string()
  .trim()
  .max(2000, 'the link is longer than 2000 characters')
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'expected a web link starting with https:// or http://');

export class DocumentInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentInputError';
  }
}

/** Which kind a file is, from its name and its first bytes: a PDF must start like one, Markdown must be UTF-8 text. */
export function fileKind(name: string, bytes: Uint8Array): 'pdf' | 'markdown' {
  if (bytes.byteLength > DOCUMENT_MAX_BYTES) throw new DocumentInputError(`the file is larger than ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`);
  if (/\.pdf$/i.test(name)) {
    if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new DocumentInputError('the file is named .pdf but is not a PDF');
    return 'pdf';
  }
  if (/\.(md|markdown)$/i.test(name)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new DocumentInputError('the Markdown file is not UTF-8 text');
    }
    return 'markdown';
  }
  throw new DocumentInputError('expected a PDF (.pdf) or Markdown (.md) file');
}

/** Letters a file name can carry anywhere: Norwegian letters spelled out, the rest dropped. */
function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The name a stored file is served and published under: `<id>-<title>.pdf`, or `.html` for Markdown shown as a page. */
export function documentFileName(doc: { id: number; title: string; kind: DocumentKind }): string | null {
  if (doc.kind === 'link') return null;
  const base = slug(doc.title);
  return `${doc.id}${base ? `-${base}` : ''}.${doc.kind === 'pdf' ? 'pdf' : 'html'}`;
}

/** The id in a file name, if it has the shape `documentFileName` gives. */
export function documentIdOf(name: string): number | null {
  const m = /^(\d{1,12})(?:-[a-z0-9-]+)?\.(pdf|html)$/.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * `/innspill dokument <url> <title>` (or `document`): a member shares a link from chat. The words
 * count as this command only with a link (or nothing) after them, so a suggestion that starts with
 * "dokument" stays a suggestion. `usage` means the command was meant but written wrongly.
 */
export function parseDocumentCommand(text: string): { url: string; title: string } | { usage: true } | null {
  const m = /^(?:dokument|document)(?:\s+(\S+)(?:\s+([\s\S]*))?)?$/i.exec(text.trim());
  if (!m) return null;
  const [, url, title] = m;
  if (url === undefined) return { usage: true };
  // Anything with a scheme was meant as a link (and is checked as one); a plain word starts a suggestion.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  if (!title?.trim()) return { usage: true };
  return { url, title: title.trim() };
}
