import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { signSlackRequest, verifySlackRequest } from '../../adapters/slack/verify.ts';
import { parseSlackBody, parseVoteValue } from '../../adapters/slack/parse.ts';

const secret = 'shh';
const body = 'token=x&team_id=T1&user_id=U1&command=%2Finnspill&text=hei';
const now = 1_800_000_000_000;
const ts = String(now / 1000);

describe('verifySlackRequest', () => {
  const signed = signSlackRequest(secret, ts, body);
  const check = (over: Partial<Parameters<typeof verifySlackRequest>[0]>) =>
    verifySlackRequest({ signingSecret: secret, rawBody: body, timestamp: ts, signature: signed, nowMs: now, ...over });

  it('accepts a request signed with the secret over v0:{ts}:{body}', () => {
    expect(check({})).toEqual({ ok: true });
    // Slack's documented example: https://docs.slack.dev/authentication/verifying-requests-from-slack
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', '1531420618',
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c'))
      .toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('accepts a timestamp up to five minutes old, and one from the future (Slack clocks run ahead)', () => {
    expect(check({ nowMs: now + 300_000 })).toEqual({ ok: true });
    expect(check({ nowMs: now - 60_000 })).toEqual({ ok: true });
  });

  it('refuses stale, tampered, wrongly signed, malformed and unsigned requests', () => {
    expect(check({ nowMs: now + 301_000 })).toEqual({ ok: false, reason: 'stale' });
    expect(check({ rawBody: `${body}x` })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ signingSecret: 'other' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ signature: 'v0=zz' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ signature: signed.toUpperCase() })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ timestamp: 'soon' })).toEqual({ ok: false, reason: 'bad_timestamp' });
    expect(check({ timestamp: undefined })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'missing_headers' });
  });
});

describe('parseSlackBody', () => {
  it('reads commands, interaction payloads and events, and refuses the rest', () => {
    expect(parseSlackBody(body, 'application/x-www-form-urlencoded')).toMatchObject({ ok: true, kind: 'request', body: { command: '/innspill', text: 'hei' } });
    expect(parseSlackBody(`payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"}}')}`, 'application/x-www-form-urlencoded'))
      .toMatchObject({ ok: true, body: { type: 'block_actions' } });
    expect(parseSlackBody('{"type":"url_verification","challenge":"c"}', 'application/json')).toEqual({ ok: true, kind: 'url_verification', challenge: 'c' });
    expect(parseSlackBody('ssl_check=1&token=x', 'application/x-www-form-urlencoded')).toEqual({ ok: true, kind: 'ssl_check' });
    expect(parseSlackBody('{nope', 'application/json')).toEqual({ ok: false, error: 'malformed_body' });
    expect(parseSlackBody('payload=%7Bnope', 'application/x-www-form-urlencoded')).toEqual({ ok: false, error: 'malformed_body' });
    expect(parseSlackBody('[1]', 'application/json')).toEqual({ ok: false, error: 'malformed_body' });
    expect(parseSlackBody('{"type":"event_callback"}', 'application/json')).toEqual({ ok: false, error: 'unknown_payload' });
    expect(parseSlackBody('hello', 'text/plain')).toEqual({ ok: false, error: 'unsupported_content_type' });
  });

  it('reads an interaction payload as URLSearchParams would, whatever its text and escapes', () => {
    const asForm = (raw: string) => {
      const field = new URLSearchParams(raw).get('payload');
      try {
        return field === null ? null : JSON.parse(field);
      } catch {
        return 'malformed';
      }
    };
    const read = (raw: string) => {
      const parsed = parseSlackBody(raw, 'application/x-www-form-urlencoded');
      return parsed.ok ? (parsed.kind === 'request' ? parsed.body : parsed.kind) : parsed.error === 'malformed_body' ? 'malformed' : parsed.error;
    };
    const payload = fc.record({ type: fc.constant('block_actions'), user: fc.record({ id: fc.string() }), text: fc.string({ unit: 'grapheme' }) });
    fc.assert(
      fc.property(payload, fc.boolean(), (p, plusForSpace) => {
        const encoded = encodeURIComponent(JSON.stringify(p));
        const raw = `payload=${plusForSpace ? encoded.replace(/%20/g, '+') : encoded}`;
        expect(read(raw)).toEqual(p);
        expect(read(raw)).toEqual(asForm(raw));
      }),
    );
    // Escapes decodeURIComponent refuses: decoded leniently, as the form reader always has.
    const lenient = `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"text":"')}%E0%A4%A${encodeURIComponent('"}')}`;
    expect(read(lenient)).toEqual(asForm(lenient));
    expect(read(lenient)).toMatchObject({ type: 'block_actions', text: expect.stringContaining('\uFFFD') });
  });
});

describe('parseVoteValue', () => {
  it('reads the poll, the option and what the button was drawn for; older buttons have no revision', () => {
    expect(parseVoteValue('12:3:0a1b2c3d')).toEqual({ pollId: 12, option: 3, revision: '0a1b2c3d' });
    expect(parseVoteValue('12:3')).toEqual({ pollId: 12, option: 3 });
    for (const bad of ['12:3:', '12:3:XYZ12345', '12:3:0a1b2c3d4', '12', ':3', undefined]) expect(parseVoteValue(bad)).toBeNull();
  });
});
