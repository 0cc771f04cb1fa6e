import type { Database } from 'better-sqlite3';
import type { DocumentKind } from '../../src/domain/document.ts';
import type { DocumentStore, StoredDocument } from '../../src/ports/public-site.ts';

export type DocumentRow = { id: number; title: string; date: string; kind: string; url: string | null; size: number; created_at: number };

export const documentFromRow = (r: DocumentRow): StoredDocument => ({
  id: r.id,
  title: r.title,
  date: r.date,
  kind: r.kind as DocumentKind,
  url: r.url,
  size: r.size,
  createdAt: new Date(r.created_at),
});

const COLUMNS = 'id, title, date, kind, url, coalesce(length(content), 0) AS size, created_at';

export function createDocumentStore(db: Database): DocumentStore {
  const insert = db.prepare<{ title: string; date: string; kind: string; url: string | null; content: Buffer | null; created_at: number }, DocumentRow>(
    `INSERT INTO documents (title, date, kind, url, content, created_at) VALUES (@title, @date, @kind, @url, @content, @created_at) RETURNING ${COLUMNS}`,
  );
  const list = db.prepare<[], DocumentRow>(`SELECT ${COLUMNS} FROM documents ORDER BY date DESC, id DESC`);
  const get = db.prepare<[number], DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE id = ?`);
  const remove = db.prepare<[number]>('DELETE FROM documents WHERE id = ?');
  const content = db.prepare<[number], { content: Buffer | null }>('SELECT content FROM documents WHERE id = ?');
  return {
    add: async (input) =>
      documentFromRow(
        insert.get({
          title: input.title,
          date: input.date,
          kind: input.kind,
          url: input.url,
          content: input.content ? Buffer.from(input.content) : null,
          created_at: input.createdAt.getTime(),
        })!,
      ),
    list: async () => list.all().map(documentFromRow),
    get: async (id) => {
      const row = get.get(id);
      return row ? documentFromRow(row) : null;
    },
    remove: async (id) => remove.run(id).changes > 0,
    content: async (id) => content.get(id)?.content ?? null,
  };
}
