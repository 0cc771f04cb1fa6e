import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Rule {
  limit: number;
  windowMs: number;
}

/** Counts calls per key in sliding windows and says when one would break a rule. */
class Meter {
  private readonly log = new Map<string, number[]>();
  /** Milliseconds until the call may be made, or 0 if it may now (and is then counted). */
  admit(key: string, rules: Rule[], now: number): number {
    const times = (this.log.get(key) ?? []).filter((t) => t > now - Math.max(...rules.map((r) => r.windowMs)));
    let wait = 0;
    for (const r of rules) {
      const inWindow = times.filter((t) => t > now - r.windowMs);
      if (inWindow.length >= r.limit) wait = Math.max(wait, inWindow[inWindow.length - r.limit]! + r.windowMs - now);
    }
    if (wait === 0) times.push(now);
    this.log.set(key, times);
    return wait;
  }
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface LimitedFake {
  url: string;
  /** Deliveries per recipient: more than one is a duplicate. */
  delivered: Map<string, number>;
  rejected: number;
  close(): Promise<void>;
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse, raw: string) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => void body(req).then((raw) => handler(req, res, raw)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

function limited(res: ServerResponse, waitMs: number, body: unknown): void {
  res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.ceil(waitMs / 1000)) });
  res.end(JSON.stringify(body));
}

/**
 * Slack's Web API as far as a broadcast needs it, enforcing chat.postMessage at 1 per second per
 * channel and `workspacePerSecond` per workspace (token), with 429 and Retry-After past that.
 */
export async function startLimitedSlack(workspacePerSecond: number): Promise<LimitedFake> {
  const meter = new Meter();
  const delivered = new Map<string, number>();
  const fake = { delivered, rejected: 0 };
  let ts = 1_700_000_000;
  const server = await serve((req, res, raw) => {
    const method = (req.url ?? '').replace(/^\/api\//, '');
    const args = Object.fromEntries(new URLSearchParams(raw));
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const json = (b: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(b));
    if (method === 'conversations.open') return json({ ok: true, channel: { id: `D${args.users}` } });
    if (method !== 'chat.postMessage') return json({ ok: true });
    const now = Date.now();
    const wait = Math.max(meter.admit(`ws:${token}`, [{ limit: workspacePerSecond, windowMs: 1000 }], now), meter.admit(`ch:${args.channel}`, [{ limit: 1, windowMs: 1000 }], now));
    if (wait > 0) {
      fake.rejected += 1;
      return limited(res, wait, { ok: false, error: 'ratelimited' });
    }
    delivered.set(args.channel!, (delivered.get(args.channel!) ?? 0) + 1);
    ts += 1;
    return json({ ok: true, channel: args.channel, ts: `${ts}.000100` });
  });
  return Object.assign(fake, server);
}

/**
 * The Bot Connector, enforcing Teams' published limits: per conversation 7/1 s, 8/2 s, 60/30 s,
 * and `tenantPerSecond` per tenant, with 429 and Retry-After past them.
 */
export async function startLimitedConnector(tenantPerSecond: number): Promise<LimitedFake> {
  const meter = new Meter();
  const delivered = new Map<string, number>();
  const fake = { delivered, rejected: 0 };
  let next = 0;
  const server = await serve((req, res, raw) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    if (!match) return void res.writeHead(404).end();
    const conversation = decodeURIComponent(match[1]!);
    const activity = JSON.parse(raw || '{}') as { conversation?: { tenantId?: string } };
    const tenant = activity.conversation?.tenantId ?? 'unknown';
    const now = Date.now();
    const wait = Math.max(
      meter.admit(`tenant:${tenant}`, [{ limit: tenantPerSecond, windowMs: 1000 }], now),
      meter.admit(`conv:${conversation}`, [{ limit: 7, windowMs: 1000 }, { limit: 8, windowMs: 2000 }, { limit: 60, windowMs: 30_000 }], now),
    );
    if (wait > 0) {
      fake.rejected += 1;
      return limited(res, wait, { error: { code: 'Throttled', message: 'Too many requests' } });
    }
    delivered.set(conversation, (delivered.get(conversation) ?? 0) + 1);
    next += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sent-${next}` }));
  });
  return Object.assign(fake, server);
}
