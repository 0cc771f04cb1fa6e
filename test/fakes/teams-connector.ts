import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity replied to, when the bot used replyToActivity; for a PUT, the activity replaced. */
  replyToId: string | null;
  authorization: string | undefined;
  activity: {
    type: string;
    text?: string;
    textFormat?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    [key: string]: unknown;
  };
}

type Behaviour = { status: number; headers?: Record<string, string>; body?: unknown } | { delayMs: number };

/**
 * A local stand-in for the Bot Connector service (`{serviceUrl}/v3/conversations/...`): records what
 * the bot sends and the 1:1 chats it opens, and answers 200 with an id, or, when told, 429, 5xx, 403
 * or slowly.
 */
export async function startFakeConnector() {
  const calls: ConnectorCall[] = [];
  /** 1:1 chats the bot opened (POST /v3/conversations), with their parameters. */
  const created: { parameters: Record<string, any>; authorization: string | undefined }[] = [];
  const queued: Behaviour[] = [];
  let next = 0;

  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  };

  const answer = async (res: ServerResponse, ok: () => unknown) => {
    const behaviour = queued.shift();
    if (behaviour && 'delayMs' in behaviour) await new Promise((r) => setTimeout(r, behaviour.delayMs));
    if (behaviour && 'status' in behaviour) {
      res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
      res.end(JSON.stringify(behaviour.body ?? { error: { code: 'Failure', message: `status ${behaviour.status}` } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok()));
  };

  const server = createServer(async (req, res) => {
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === '/v3/conversations') {
      const parameters = await read(req);
      created.push({ parameters, authorization: req.headers.authorization });
      await answer(res, () => ({ id: `a:created-${created.length}` }));
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const body = await read(req);
    calls.push({
      method: req.method ?? '',
      path: req.url ?? '',
      conversationId: decodeURIComponent(match[1]!),
      replyToId: match[2] ? decodeURIComponent(match[2]) : null,
      authorization: req.headers.authorization,
      activity: body,
    });
    await answer(res, () => ({ id: `sent-${(next += 1)}` }));
  });
  // The client closes idle keep-alive connections (undici after 4 s); were the fake to close them
  // too (Node's default, 5 s), a request written as it did so would fail with ECONNRESET: a test
  // on a busy machine, whose event loop stalls for a second, saw 'fetch failed' for a 500.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    created,
    /** The next call gets this answer instead of 200. */
    answerNext(status: number, headers?: Record<string, string>, body?: unknown) {
      queued.push({ status, ...(headers ? { headers } : {}), ...(body !== undefined ? { body } : {}) });
    },
    /** The next call is answered (200) only after this long. */
    delayNext(delayMs: number) {
      queued.push({ delayMs });
    },
    /** The adaptive cards sent so far, in order. */
    cards() {
      return calls.flatMap((c) => (c.activity.attachments ?? []).map((a) => a.content));
    },
    /** Activities the bot replaced in place (PUT …/activities/{id}): the activity's id and the new content. */
    updates() {
      return calls.filter((c) => c.method === 'PUT').map((c) => ({ conversationId: c.conversationId, activityId: c.replyToId!, activity: c.activity }));
    },
    texts() {
      return calls.map((c) => c.activity.text).filter((t): t is string => typeof t === 'string');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeConnector = Awaited<ReturnType<typeof startFakeConnector>>;
