import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A route the Slack, Teams or health adapter mounts; `prefix` matches a path and all below it. */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  prefix?: boolean;
  handle: Handler;
}

export interface HttpServer {
  server: Server;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * What a slow or greedy client may hold. Headers must arrive within `headersTimeoutMs` and the whole
 * request within `requestTimeoutMs`; Node checks both every `checkIntervalMs` (its default of 30 s
 * would let a slow-header connection live four times longer than meant). Beyond `maxConnections`
 * new sockets are closed at once.
 */
export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
  checkIntervalMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, maxConnections: 1_000, checkIntervalMs: 1_000 };

/** What an operator can act on, in one line, rather than `listen EADDRINUSE: …`. */
function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  if (error.code === 'EADDRINUSE') return new Error(`port ${port} on ${host} is already in use (set PORT to another port, or stop what is using it)`);
  if (error.code === 'EACCES') return new Error(`not allowed to listen on port ${port} on ${host} (ports below 1024 need privileges; set PORT)`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return new Error(`cannot listen on ${host}: no such address here (check HOST)`);
  return error;
}

/** The one HTTP server every way in mounts on. It knows paths, not platforms. */
export function createHttpServer(routes: Route[], logger: Logger, limits: HttpLimits = DEFAULT_LIMITS): HttpServer {
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const find = (method: string | undefined, path: string) =>
    routes.find((r) => (r.prefix ? path === r.path || path.startsWith(`${r.path}/`) : path === r.path) && r.method === method);

  const server = createServer({ headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: limits.checkIntervalMs }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    // Timed only when it will be logged: a listener and a clock read per request otherwise buy nothing.
    if (logger.isLevelEnabled('debug')) {
      const started = process.hrtime.bigint();
      res.on('finish', () => logger.debug({ method: req.method, path, status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1_000_000n) }, 'request'));
    }
    const route = find(req.method, path);
    if (!route) {
      const known = routes.some((r) => (r.prefix ? path.startsWith(r.path) : path === r.path));
      sendJson(res, known ? 405 : 404, { error: known ? 'method_not_allowed' : 'not_found' });
      return;
    }
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    Promise.resolve()
      .then(() => route.handle(req, res))
      .catch((error: unknown) => {
        logger.error({ err: error, path }, 'request handler failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
        else res.end();
      });
  });
  // Slack and Teams keep connections alive; idle ones must not hold a shutdown open.
  server.keepAliveTimeout = 5_000;
  server.maxConnections = limits.maxConnections;

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, host)));
        server.listen(port, host, () => {
          server.removeAllListeners('error');
          resolve(server.address() as AddressInfo);
        });
      }),
    async close(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((resolve) => (drained = resolve)), new Promise((r) => setTimeout(r, graceMs).unref())]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
