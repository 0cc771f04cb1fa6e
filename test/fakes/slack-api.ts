import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the fake received: the Web API method (or `response_url`), its arguments and token. */
export interface RecordedCall {
  method: string;
  args: Record<string, any>;
  token: string | null;
  at: number;
}

export type FakeAnswer = { status?: number; headers?: Record<string, string>; body?: unknown; delayMs?: number; until?: Promise<void> };
type Responder = (call: RecordedCall) => FakeAnswer | undefined;

/** Form values the client JSON-encodes (blocks, view…) come back as objects. */
function decodeForm(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? (() => { try { return JSON.parse(v); } catch { return v; } })() : v;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A local stand-in for Slack's Web API (`POST /api/<method>`) and for `response_url`s
 * (`POST /respond/<id>`). It records every call and answers like Slack does; `answer` makes a
 * method fail (429 with Retry-After, 500, a platform error) or answer slowly. `record: false` keeps
 * nothing (the benchmark sends it hundreds of thousands of calls).
 */
export async function startFakeSlackApi(options: { record?: boolean } = {}) {
  const record = options.record ?? true;
  const calls: RecordedCall[] = [];
  const responders = new Map<string, Responder>();
  let ts = 1_700_000_000;
  let listeners: (() => void)[] = [];

  const defaults = (call: RecordedCall): unknown => {
    const a = call.args;
    switch (call.method) {
      case 'chat.postMessage':
        ts += 1;
        return { ok: true, channel: a.channel, ts: `${ts}.000100`, message: { text: a.text } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(a.users).replace(/^U/, '')}` } };
      case 'users.info':
        return { ok: true, user: { id: a.user, locale: 'nb-NO' } };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: 'V1' } };
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      case 'oauth.v2.access':
        return {
          ok: true,
          app_id: 'A1',
          authed_user: { id: 'U1' },
          scope: 'chat:write,commands,im:history,im:write,users:read',
          token_type: 'bot',
          access_token: 'xoxb-installed',
          bot_user_id: 'UBOT',
          team: { id: 'T9', name: 'Nine' },
          enterprise: null,
          is_enterprise_install: false,
        };
      default:
        return { ok: true };
    }
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const url = req.url ?? '/';
    const method = url.startsWith('/respond/') ? 'response_url' : url.replace(/^\/api\//, '').split('?')[0]!;
    const json = (req.headers['content-type'] ?? '').includes('json');
    const args = raw ? (json ? JSON.parse(raw) : decodeForm(raw)) : {};
    const auth = req.headers.authorization;
    const call: RecordedCall = { method, args, token: auth ? auth.replace(/^Bearer /, '') : (args.token ?? null), at: Date.now() };
    if (record) calls.push(call);
    for (const l of listeners) l();
    const answer = responders.get(method)?.(call) ?? {};
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (answer.until) await answer.until;
    const body = answer.body ?? defaults(call);
    const text = JSON.stringify(body);
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(text);
  });
  // The client closes idle keep-alive connections (undici after 4 s); were the fake to close them
  // too (Node's default, 5 s), a request written as it did so would fail with ECONNRESET: a test
  // on a busy machine, whose event loop stalls for a second, saw 'fetch failed' for a 500.
  server.keepAliveTimeout = 0;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    /** With the trailing slash @slack/web-api expects. */
    url: `${base}/api/`,
    responseUrl: (id: string) => `${base}/respond/${id}`,
    calls,
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    answer(method: string, responder: Responder) {
      responders.set(method, responder);
    },
    reset() {
      calls.length = 0;
      responders.clear();
    },
    /** Resolves once `predicate` holds for the recorded calls (checked at every new call). */
    waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<void> {
      if (predicate(calls)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake Slack API: condition not met; calls: ${calls.map((c) => c.method).join(', ')}`)), timeoutMs);
        const check = () => {
          if (predicate(calls)) {
            clearTimeout(timer);
            listeners = listeners.filter((l) => l !== check);
            resolve();
          }
        };
        listeners.push(check);
      });
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

export type FakeSlackApi = Awaited<ReturnType<typeof startFakeSlackApi>>;
