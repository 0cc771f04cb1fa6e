import { createServer } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createResponder } from '../../adapters/slack/api/responder.ts';
import { startFakeSlackApi } from '../fakes/slack-api.ts';

function recordingLogger() {
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
  return { logger, warnings };
}

/** A port nothing listens on: bound, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('response_url responder', () => {
  let stop: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await stop?.();
    stop = null;
  });

  it('delivers every message, in JSON, and idle() waits for the last answer', async () => {
    const api = await startFakeSlackApi();
    stop = api.close;
    const { logger, warnings } = recordingLogger();
    const responder = createResponder(logger);
    for (let i = 0; i < 200; i++) responder.post(api.responseUrl(`r${i}`), { response_type: 'ephemeral', text: `svar ${i}` });
    await responder.idle();
    const texts = api.calls.filter((c) => c.method === 'response_url').map((c) => c.args.text);
    expect(texts).toHaveLength(200);
    expect(new Set(texts)).toEqual(new Set(Array.from({ length: 200 }, (_, i) => `svar ${i}`)));
    expect(warnings).toEqual([]);
  });

  it('sends what is posted in a turn once the turn is over, so the turn’s acks go out first', async () => {
    const api = await startFakeSlackApi();
    stop = api.close;
    const responder = createResponder(recordingLogger().logger);
    const order: string[] = [];
    const message = (text: string) => ({ toJSON: () => (order.push(`sent ${text}`), { text }) });
    responder.post(api.responseUrl('a'), message('a'));
    order.push('ack a');
    responder.post(api.responseUrl('b'), message('b'));
    order.push('ack b');
    await responder.idle();
    expect(order).toEqual(['ack a', 'ack b', 'sent a', 'sent b']);
    expect(api.calls.filter((c) => c.method === 'response_url').map((c) => c.args.text).sort()).toEqual(['a', 'b']);
  });

  it('logs a refused answer and an unreachable host instead of throwing', async () => {
    const api = await startFakeSlackApi();
    stop = api.close;
    api.answer('response_url', () => ({ status: 404, body: 'expired_url' }));
    const { logger, warnings } = recordingLogger();
    const responder = createResponder(logger);
    responder.post(api.responseUrl('old'), { text: 'for sent' });
    responder.post(`http://127.0.0.1:${await deadPort()}/respond/x`, { text: 'ingen der' });
    responder.post('not a url', { text: 'x' });
    responder.post('file:///etc/passwd', { text: 'x' });
    await responder.idle();
    expect(warnings.sort()).toEqual(['response_url answer failed', 'response_url refused an answer', 'unreadable response_url ignored']);
  });

  it('drops answers past its limit and reports them together, not one log line each', async () => {
    const api = await startFakeSlackApi();
    stop = api.close;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    api.answer('response_url', () => ({ until: gate }));
    const { logger, warnings } = recordingLogger();
    const responder = createResponder(logger, { maxPending: 2, dropReportMs: 50 });
    for (let i = 0; i < 7; i++) responder.post(api.responseUrl(`r${i}`), { text: `svar ${i}` });
    expect(warnings).toEqual(['response_url queue full; an answer was dropped']);
    await new Promise((r) => setTimeout(r, 100));
    expect(warnings).toEqual(['response_url queue full; an answer was dropped', 'response_url queue full; more answers were dropped']);
    release();
    await responder.idle();
    expect(api.calls.filter((c) => c.method === 'response_url')).toHaveLength(2);
  });
});
