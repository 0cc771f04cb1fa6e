import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses to let a signed request be replayed after five minutes; so do we. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

export interface SignedRequest {
  signingSecret: string;
  /** The body exactly as it came over the wire: a re-serialised body would not match. */
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowMs: number;
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing_headers' | 'bad_timestamp' | 'stale' | 'bad_signature' };

export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/**
 * What can be checked before a byte of the body is read: both headers present, the timestamp a
 * plain number, and within five minutes of our clock either way (a timestamp from the far future
 * would let a captured request be replayed for as long). Refusing here keeps an unsigned client
 * from making us buffer its body.
 */
export function checkSlackHeaders(req: Pick<SignedRequest, 'timestamp' | 'signature' | 'nowMs'>): VerifyResult {
  if (!req.timestamp || !req.signature) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(req.timestamp)) return { ok: false, reason: 'bad_timestamp' };
  if (!/^v0=[0-9a-f]{64}$/.test(req.signature)) return { ok: false, reason: 'bad_signature' };
  if (Math.abs(Math.floor(req.nowMs / 1000) - Number(req.timestamp)) > MAX_REQUEST_AGE_SECONDS) return { ok: false, reason: 'stale' };
  return { ok: true };
}

/**
 * Checks `X-Slack-Signature` against HMAC-SHA256 of `v0:{ts}:{body}`, after `checkSlackHeaders`.
 * The comparison takes the same time whatever the input, so the signature cannot be guessed byte by byte.
 */
export function verifySlackRequest(req: SignedRequest): VerifyResult {
  const headers = checkSlackHeaders(req);
  if (!headers.ok) return headers;
  const expected = Buffer.from(signSlackRequest(req.signingSecret, req.timestamp!, req.rawBody));
  const given = Buffer.from(req.signature!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
