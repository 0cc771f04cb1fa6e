import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver } from '@slack/bolt';
import type { Logger } from 'pino';
import { sendJson, type Route } from '../http/server.ts';
import type { DirectVotes } from './direct-votes.ts';
import { dispatchToBolt } from './dispatch.ts';
import { parseSlackBody } from './parse.ts';
import { checkSlackHeaders, verifySlackRequest } from './verify.ts';

/** Slack payloads are a few kilobytes; a large modal state (Slack caps a view at 250 kB) stays below this. */
const BODY_LIMIT = 512 * 1024;

export interface HttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  nowMs?: () => number;
  path?: string;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > BODY_LIMIT) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      const wasWithin = size <= BODY_LIMIT;
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
      else if (wasWithin) {
        // Keep nothing more, let the rest drain, and answer now; the connection closes after.
        chunks.length = 0;
        reject(new BodyTooLarge());
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendAck(res: ServerResponse, response: unknown): void {
  if (response === undefined || response === '') {
    res.writeHead(200, { 'content-length': 0 });
    res.end();
  } else if (typeof response === 'string') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(response) });
    res.end(response);
  } else sendJson(res, 200, response);
}

/**
 * Bolt's transport on our HTTP server: verifies the signature, parses, and dispatches (see
 * dispatch.ts for when the answer goes out). A bad signature or a stale timestamp gets 401 before
 * anything is parsed; a malformed body 400.
 */
export class InnspillHttpReceiver implements Receiver {
  private app: App | null = null;
  private votes: DirectVotes | null = null;
  private readonly nowMs: () => number;

  constructor(private readonly options: HttpReceiverOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  /** Vote clicks go here instead of through Bolt (see direct-votes.ts). */
  takeVotes(votes: DirectVotes): void {
    this.votes = votes;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  route(): Route {
    return { method: 'POST', path: this.options.path ?? '/slack/events', handle: (req, res) => this.handle(req, res) };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger } = this.options;
    const signed = { timestamp: header(req, 'x-slack-request-timestamp'), signature: header(req, 'x-slack-signature'), nowMs: this.nowMs() };
    const early = checkSlackHeaders(signed);
    if (!early.ok) {
      logger.warn({ reason: early.reason }, 'slack request refused: signature check failed');
      // The body is never read; closing keeps the client from sending it on this connection.
      res.setHeader('connection', 'close');
      sendJson(res, 401, { error: 'invalid_signature' });
      return;
    }
    let rawBody: string;
    try {
      rawBody = await readBody(req);
    } catch (error) {
      res.setHeader('connection', 'close');
      sendJson(res, error instanceof BodyTooLarge ? 413 : 400, { error: error instanceof BodyTooLarge ? 'body_too_large' : 'unreadable_body' });
      return;
    }
    const verified = verifySlackRequest({ ...signed, signingSecret: this.options.signingSecret, rawBody });
    if (!verified.ok) {
      logger.warn({ reason: verified.reason }, 'slack request refused: signature check failed');
      sendJson(res, 401, { error: 'invalid_signature' });
      return;
    }
    const parsed = parseSlackBody(rawBody, header(req, 'content-type'));
    if (!parsed.ok) {
      logger.warn({ reason: parsed.error }, 'slack request refused: malformed body');
      sendJson(res, 400, { error: parsed.error });
      return;
    }
    if (parsed.kind === 'ssl_check') return sendAck(res, undefined);
    if (parsed.kind === 'url_verification') return sendAck(res, { challenge: parsed.challenge });
    const reply = { ack: () => sendAck(res, undefined), fail: () => sendJson(res, 500, { error: 'internal_error' }) };
    if (this.votes && (await this.votes(parsed.body, reply))) return;
    await this.dispatch(parsed.body, req, res);
  }

  private async dispatch(body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.app) throw new Error('receiver used before App.init');
    const retryNum = Number(header(req, 'x-slack-retry-num'));
    await dispatchToBolt(
      this.app,
      body,
      {
        answer: (response) => sendAck(res, response),
        fail: () => sendJson(res, 500, { error: 'internal_error' }),
        retryNum: Number.isInteger(retryNum) ? retryNum : undefined,
        retryReason: header(req, 'x-slack-retry-reason'),
      },
      this.options.logger,
    );
  }
}
