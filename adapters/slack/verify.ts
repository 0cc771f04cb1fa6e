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
 * Checks `X-Slack-Signature` against HMAC-SHA256 of `v0:{ts}:{body}`. Like Bolt, only old timestamps
 * are refused (Slack's clock may run ahead of ours); the comparison takes the same time whatever
 * the input, so the signature cannot be guessed byte by byte.
 */
export function verifySlackRequest(req: SignedRequest): VerifyResult {
  if (!req.timestamp || !req.signature) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(req.timestamp)) return { ok: false, reason: 'bad_timestamp' };
  if (Math.floor(req.nowMs / 1000) - Number(req.timestamp) > MAX_REQUEST_AGE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signSlackRequest(req.signingSecret, req.timestamp, req.rawBody));
  const given = Buffer.from(req.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
