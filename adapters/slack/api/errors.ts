import type { SendResult } from '../../../src/ports/delivery.ts';

/** Errors that mean the recipient or the workspace cannot be reached any more: stop trying. */
const GONE = new Set([
  'account_inactive',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'token_revoked',
  'token_expired',
  'no_installation',
  'user_not_found',
  'cannot_dm_bot',
  'user_disabled',
  'team_access_not_granted',
]);

/** Slack's own way of saying "our side failed, try later". */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

interface WebApiErrorShape {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
  statusCode?: number;
  message?: string;
}

/** Sorts a @slack/web-api failure into what the outbox needs to know. */
export function classifySlackError(error: unknown): Extract<SendResult, { ok: false }> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as WebApiErrorShape;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return { ok: false, retryable: true, retryAfterMs: Math.max(0, (e.retryAfter ?? 1) * 1000), error: 'ratelimited' };
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      if (GONE.has(code)) return { ok: false, retryable: false, gone: true, error: code };
      return { ok: false, retryable: TRANSIENT.has(code), error: code };
    }
    case 'slack_webapi_http_error':
      return { ok: false, retryable: (e.statusCode ?? 500) >= 500, error: `http_${e.statusCode ?? 'error'}` };
    case 'slack_webapi_request_error':
      return { ok: false, retryable: true, error: 'request_failed' };
    default:
      return { ok: false, retryable: false, error: e.message ?? String(error) };
  }
}
