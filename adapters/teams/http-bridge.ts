import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudAdapter, Request, WebResponse } from '@microsoft/agents-hosting';
import { sendJson } from '../http/server.ts';

/** Bot Framework activities are small; a card submit with every field filled stays far below this. */
export const MAX_BODY_BYTES = 256 * 1024;

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: 'malformed_json' | 'not_an_activity' | 'body_too_large',
  ) {
    super(code);
  }
}

/** Reads and parses a JSON object body, refusing anything larger than `limit` without buffering it. */
export async function readJsonObject(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyError(413, 'body_too_large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError(413, 'body_too_large');
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'malformed_json');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BodyError(400, 'not_an_activity');
  return body as Record<string, unknown>;
}

/** The request shape the SDK reads: parsed body, headers, method, and the caller's identity once verified. */
export function sdkRequest(req: IncomingMessage, body?: Record<string, unknown>): Request {
  return { body, headers: req.headers, method: req.method };
}

/** Node's response dressed as the small Express-like surface `CloudAdapter.process` and `authorizeJWT` write to. */
export function sdkResponse(res: ServerResponse): WebResponse {
  const response: WebResponse = {
    status(code) {
      res.statusCode = code;
      return response;
    },
    setHeader(name, value) {
      res.setHeader(name, value);
      return response;
    },
    send(body) {
      if (body === undefined || body === null) return response;
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        res.write(body);
      } else {
        if (!res.headersSent) res.setHeader('content-type', 'application/json; charset=utf-8');
        res.write(JSON.stringify(body));
      }
      return response;
    },
    end() {
      res.end();
      return response;
    },
    get headersSent() {
      return res.headersSent;
    },
    get writableEnded() {
      return res.writableEnded;
    },
  };
  return response;
}

/** Runs the SDK's JWT check; resolves true when the request may go on (the SDK has answered 401 otherwise). */
export async function authorize(adapter: CloudAdapter, request: Request, response: WebResponse): Promise<boolean> {
  let passed = false;
  await adapter.authorizeRequest(request, response, () => {
    passed = true;
  });
  return passed;
}

/** The SDK validates the activity with zod before anything else; such a failure is the caller's, not ours. */
export function isActivityShapeError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ZodError';
}

export function refuse(res: ServerResponse, status: number, error: string): void {
  if (!res.headersSent) sendJson(res, status, { error });
  else res.end();
}
