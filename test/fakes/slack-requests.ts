import { signSlackRequest } from '../../adapters/slack/verify.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SendOptions {
  secret?: string;
  /** Unix seconds; now by default. */
  timestamp?: number;
  headers?: Record<string, string>;
  signature?: string;
}

/** Builds and sends requests the way Slack does: the exact body, signed with the signing secret. */
export function slackRequests(baseUrl: string) {
  async function send(rawBody: string, contentType: string, options: SendOptions = {}) {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = options.signature ?? signSlackRequest(options.secret ?? SIGNING_SECRET, timestamp, rawBody);
    const res = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature, ...options.headers },
      body: rawBody,
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, text, json };
  }
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  return {
    send,
    command: (fields: Record<string, string>, options?: SendOptions) => send(form(fields), 'application/x-www-form-urlencoded', options),
    interaction: (payload: unknown, options?: SendOptions) => send(form({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', options),
    event: (envelope: unknown, options?: SendOptions) => send(JSON.stringify(envelope), 'application/json', options),
  };
}
