import type { DocumentStore } from '../../../src/ports/public-site.ts';
import { documentFromRow, type DocumentRow } from '../../repositories/documents.ts';
import type { Db } from '../pool.ts';

const COLUMNS = 'id, title, date, kind, url, coalesce(octet_length(content), 0) AS size, created_at';

export function createPgDocumentStore(db: Db): DocumentStore {
  return {
    async add(input) {
      const [row] = await db.query<DocumentRow>(
        `INSERT INTO documents (title, date, kind, url, content, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [input.title, input.date, input.kind, input.url, input.content ? Buffer.from(input.content) : null, input.createdAt.getTime()],
      );
      return documentFromRow(row!);
    },
    list: async () => (await db.query<DocumentRow>(`SELECT ${COLUMNS} FROM documents ORDER BY date DESC, id DESC`)).map(documentFromRow),
    async get(id) {
      const [row] = await db.query<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE id = $1`, [id]);
      return row ? documentFromRow(row) : null;
    },
    remove: async (id) => (await db.run('DELETE FROM documents WHERE id = $1', [id])) > 0,
    async content(id) {
      const [row] = await db.query<{ content: Buffer | null }>('SELECT content FROM documents WHERE id = $1', [id]);
      return row?.content ?? null;
    },
  };
}
