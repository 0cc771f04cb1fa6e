import { connect, type Socket } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpLimits, type HttpServer } from '../../adapters/http/server.ts';
import { InnspillHttpReceiver } from '../../adapters/slack/receiver.ts';
import { checkSlackHeaders, signSlackRequest } from '../../adapters/slack/verify.ts';
import { SIGNING_SECRET } from '../fakes/slack-requests.ts';

const silent = pino({ level: 'silent' });
// Short limits injected for the test; the defaults (10 s, 15 s) are the same code path.
const SHORT: HttpLimits = { headersTimeoutMs: 200, requestTimeoutMs: 300, maxConnections: 50, checkIntervalMs: 50 };

let http: HttpServer | null = null;
afterEach(async () => {
  await http?.close(10);
  http = null;
});

async function slackServer(limits: HttpLimits) {
  const receiver = new InnspillHttpReceiver({ signingSecret: SIGNING_SECRET, logger: silent });
  http = createHttpServer([receiver.route(), { method: 'GET', path: '/ping', handle: (_req, res) => void res.end('pong') }], silent, limits);
  return (await http.listen(0, '127.0.0.1')).port;
}

/** A raw connection, to send exactly what a misbehaving client sends; resolves with what came back once the server closes it. */
function rawConnection(port: number): { socket: Socket; closed: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
  socket.on('error', () => {});
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  return { socket, closed };
}

describe('HTTP limits', () => {
  it('closes connections whose headers never finish', async () => {
    const port = await slackServer(SHORT);
    const slow = Array.from({ length: 20 }, () => rawConnection(port));
    for (const c of slow) c.socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slack-Signature: v0=');
    // Each would hang for ever without the headers timeout; the server closes every one.
    const answers = await Promise.all(slow.map((c) => c.closed));
    expect(answers.every((a) => a === '' || a.startsWith('HTTP/1.1 408'))).toBe(true);
    expect(await fetch(`http://127.0.0.1:${port}/ping`).then((r) => r.text())).toBe('pong');
  });

  it('closes connections whose body never finishes', async () => {
    const port = await slackServer(SHORT);
    const ts = String(Math.floor(Date.now() / 1000));
    const { socket, closed } = rawConnection(port);
    socket.write(`POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nX-Slack-Request-Timestamp: ${ts}\r\nX-Slack-Signature: v0=${'0'.repeat(64)}\r\n\r\n{"a":`);
    expect(await closed).toMatch(/^(HTTP\/1\.1 408|$)/);
  });

  it('refuses an unsigned Slack request before reading its body, and memory stays flat under oversized ones', async () => {
    const port = await slackServer({ ...SHORT, requestTimeoutMs: 30_000, headersTimeoutMs: 10_000 });
    const megabyte = Buffer.alloc(1024 * 1024, 'a');
    // Headers for a 1 MB body, but only a few bytes of it: the answer comes anyway.
    const { socket, closed } = rawConnection(port);
    socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{"a":');
    const answered = await new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString('latin1'))));
    expect(answered).toMatch(/^HTTP\/1\.1 401/);
    socket.destroy();
    await closed;

    const before = process.memoryUsage().rss;
    const clients = Array.from({ length: 100 }, () => rawConnection(port));
    for (const c of clients) {
      c.socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n');
      c.socket.end(megabyte);
    }
    const answers = await Promise.all(clients.map((c) => c.closed));
    const grown = process.memoryUsage().rss - before;
    expect(answers.every((a) => a.startsWith('HTTP/1.1 401'))).toBe(true);
    // Buffering them would hold 100 MB at once; refusing first holds next to nothing.
    expect(grown).toBeLessThan(40 * 1024 * 1024);
  });

  it('refuses a signed body larger than the cap without buffering it', async () => {
    const port = await slackServer(SHORT);
    const ts = String(Math.floor(Date.now() / 1000));
    const { socket, closed } = rawConnection(port);
    socket.write(`POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${8 * 1024 * 1024}\r\nX-Slack-Request-Timestamp: ${ts}\r\nX-Slack-Signature: v0=${'0'.repeat(64)}\r\n\r\n`);
    expect(await closed).toMatch(/^HTTP\/1\.1 413/);
  });

  it('closes connections beyond maxConnections at once', async () => {
    const port = await slackServer({ ...SHORT, headersTimeoutMs: 30_000, requestTimeoutMs: 30_000, maxConnections: 3 });
    const held = Array.from({ length: 3 }, () => rawConnection(port));
    await Promise.all(held.map((c) => new Promise((r) => c.socket.once('connect', r))));
    // The server counts a connection once it has accepted it; a round trip on each makes sure it has.
    for (const c of held) c.socket.write('GET /ping HTTP/1.1\r\nHost: x\r\n\r\n');
    await Promise.all(held.map((c) => new Promise((r) => c.socket.once('data', r))));
    const extra = rawConnection(port);
    expect(await extra.closed).toBe('');
    for (const c of held) c.socket.destroy();
  });
});

describe('the Slack timestamp', () => {
  const now = 1_800_000_000_000;
  const signature = signSlackRequest(SIGNING_SECRET, '1', '');
  const at = (seconds: number) => checkSlackHeaders({ timestamp: String(now / 1000 + seconds), signature, nowMs: now });

  it('is accepted within five minutes either way', () => {
    expect([at(-300), at(0), at(299), at(300)].every((r) => r.ok)).toBe(true);
  });

  it('is refused further ahead as well as further behind (a replay window must be bounded)', () => {
    expect(at(301)).toEqual({ ok: false, reason: 'stale' });
    expect(at(100 * 365 * 24 * 3600)).toEqual({ ok: false, reason: 'stale' });
    expect(at(-301)).toEqual({ ok: false, reason: 'stale' });
    expect(checkSlackHeaders({ timestamp: '1e9', signature, nowMs: now })).toEqual({ ok: false, reason: 'bad_timestamp' });
    expect(checkSlackHeaders({ timestamp: String(now / 1000), signature: undefined, nowMs: now })).toEqual({ ok: false, reason: 'missing_headers' });
  });
});
