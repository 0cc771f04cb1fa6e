import type { IncomingMessage, ServerResponse } from 'node:http';
import { pageAt, pageFile } from '../../src/public/paths.ts';
import type { PublicSite, RenderedFile } from '../site/public-site.ts';
import { sendJson, type Route } from './server.ts';

/** Whether the reader's copy is still current: ETag first (exact), else the date (to the second, as HTTP dates go). */
export function isNotModified(req: Pick<IncomingMessage, 'headers'>, file: Pick<RenderedFile, 'etag' | 'lastModified'>): boolean {
  const match = req.headers['if-none-match'];
  if (match !== undefined) return match.split(',').some((tag) => ['*', file.etag, `W/${file.etag}`].includes(tag.trim()));
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(file.lastModified.getTime() / 1000) * 1000 <= since;
}

function send(req: IncomingMessage, res: ServerResponse, file: RenderedFile): void {
  const headers = {
    'content-type': file.contentType,
    etag: file.etag,
    'last-modified': file.lastModified.toUTCString(),
    // Readers revalidate every time (a 304 costs little), so new input shows at the next load.
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...file.headers,
  };
  if (isNotModified(req, file)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': file.body.byteLength });
  res.end(file.body);
}

/** The path inside the site a request names, or null. */
function sitePath(urlPath: string): string | null {
  // `/en/` and `/en` are the same page, as people type either.
  const page = pageAt(urlPath.length > 1 ? urlPath.replace(/\/$/, '') : urlPath);
  if (page) return pageFile(page);
  if (['/data.json', '/data.csv', '/feed.atom'].includes(urlPath)) return urlPath.slice(1);
  if (urlPath.startsWith('/files/')) {
    try {
      const name = decodeURIComponent(urlPath.slice('/files/'.length));
      return name.includes('/') ? null : `files/${name}`;
    } catch {
      return null;
    }
  }
  return null;
}

/** `GET /`, `/en`, `/30d`, `/en/30d`, `/data.json`, `/data.csv`, `/feed.atom` and `/files/<name>`. */
export function publicSiteRoutes(site: PublicSite): Route[] {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = sitePath((req.url ?? '/').split('?')[0]!);
    const file = path ? await site.file(path) : null;
    if (!file) sendJson(res, 404, { error: 'not_found' });
    else send(req, res, file);
  };
  return [
    ...['/', '/30d', '/30d/', '/en', '/en/', '/en/30d', '/en/30d/', '/data.json', '/data.csv', '/feed.atom'].map((path) => ({ method: 'GET' as const, path, handle })),
    { method: 'GET', path: '/files', prefix: true, handle },
  ];
}
