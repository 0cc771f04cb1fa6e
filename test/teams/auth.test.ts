import { networkInterfaces } from 'node:os';
import type { AuthProvider, AuthProviderFactory } from '@microsoft/agents-hosting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuthConfiguration, isLoopback } from '../../adapters/teams/auth.ts';
import { otherPrivateKey, startKeyServer } from '../fakes/teams-keys.ts';
import { message, startTeams, type TeamsHarness } from './harness.ts';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const kari = { aad: 'aad-kari' };

/** Outbound tokens without Entra: the connector fake sees this bearer. */
const stubTokens: AuthProviderFactory = (config) => ({ connectionSettings: config, getAccessToken: async () => 'outbound-test-token' }) as unknown as AuthProvider;

describe('Teams authentication with MicrosoftAppId', () => {
  let keys: Awaited<ReturnType<typeof startKeyServer>>;
  let h: TeamsHarness;
  beforeAll(async () => {
    keys = await startKeyServer();
    h = await startTeams({
      settings: { appId: APP_ID, appPassword: 'not-used-in-tests', appType: 'MultiTenant', tenantId: null },
      authority: { authorityEndpoint: keys.authority, issuers: [keys.issuer] },
      tokenProviders: stubTokens,
    });
  });
  afterAll(async () => {
    await h.close();
    await keys.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('accepts a correctly signed token and answers through the connector with its own token', async () => {
    const token = keys.sign({ aud: APP_ID, serviceurl: h.connector.url });
    const res = await h.post(message(h.connector, kari, 'Et innspill med gyldig token'), bearer(token));
    expect(res.status).toBe(200);
    expect(keys.keyRequests).toBeGreaterThan(0);
    expect(h.connector.calls.at(-1)!.authorization).toBe('Bearer outbound-test-token');
    expect(h.connector.calls.at(-1)!.activity.text).toContain('#1');
  });

  it('refuses a request without a token', async () => {
    const before = h.connector.calls.length;
    expect((await h.post(message(h.connector, kari, 'uten token'))).status).toBe(401);
    expect((await h.post(message(h.connector, kari, 'feil skjema'), { authorization: 'Basic abc' })).status).toBe(401);
    expect(h.connector.calls.length).toBe(before);
  });

  it('refuses a forged, an expired and a wrongly addressed token', async () => {
    const forged = keys.sign({ aud: APP_ID, serviceurl: h.connector.url }, otherPrivateKey());
    const expired = keys.sign({ aud: APP_ID, serviceurl: h.connector.url, expiresInSeconds: -3600 });
    const wrongAudience = keys.sign({ aud: 'someone-elses-bot', serviceurl: h.connector.url });
    const wrongIssuer = keys.sign({ aud: APP_ID, serviceurl: h.connector.url, iss: 'https://evil.example/' });
    for (const token of [forged, expired, wrongAudience, wrongIssuer, 'not.a.jwt']) {
      expect((await h.post(message(h.connector, kari, 'skal avvises'), bearer(token))).status).toBe(401);
    }
    const mine = await h.core.mine({ platform: 'teams', workspaceId: 'tenant-1', userId: 'aad-kari', id: 'teams:tenant-1:aad-kari', locale: 'nb' });
    expect(mine.suggestions.map((s) => s.text)).toEqual(['Et innspill med gyldig token']);
  });

  it('refuses an activity whose serviceUrl is not the one its token was issued for', async () => {
    const token = keys.sign({ aud: APP_ID, serviceurl: 'https://smba.trafficmanager.net/emea/' });
    expect((await h.post(message(h.connector, kari, 'annen tjeneste'), bearer(token))).status).toBe(400);
  });
});

describe('Teams anonymous mode', () => {
  it('knows loopback addresses, IPv4-mapped ones included', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['192.0.2.2', '::ffff:10.0.0.1', 'fd00::2', '', undefined].some(isLoopback)).toBe(false);
  });

  it('serves loopback callers and refuses others with 401', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    expect(external, 'the test needs one non-loopback IPv4 interface').toBeDefined();
    const h = await startTeams({ host: '0.0.0.0' });
    try {
      expect((await h.post(message(h.connector, kari, 'fra loopback'))).status).toBe(200);
      const remote = await h.post(message(h.connector, kari, 'utenfra'), {}, `http://${external!.address}:${h.port}/api/messages`);
      expect(remote).toEqual({ status: 401, body: { error: 'loopback_only' } });
      expect(h.connector.calls).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('refuses requests that came through a proxy, which makes every caller look like loopback', async () => {
    const h = await startTeams();
    try {
      const proxied: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9;proto=https' }];
      for (const header of proxied) {
        expect(await h.post(message(h.connector, kari, 'via proxy'), header)).toEqual({ status: 401, body: { error: 'anonymous_mode_refuses_proxied_requests' } });
      }
      expect(h.connector.calls).toHaveLength(0);
      expect((await h.post(message(h.connector, kari, 'direkte'))).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('is switched off (503) when NODE_ENV=production forbids anonymous mode, without stopping the server', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    let h: TeamsHarness | undefined;
    try {
      h = await startTeams();
    } finally {
      process.env.NODE_ENV = previous;
    }
    try {
      expect(await h.post(message(h.connector, kari, 'hei'))).toEqual({ status: 503, body: { error: 'teams_not_configured' } });
      expect(await h.teams.sender.deliver({ id: 1, platform: 'teams', workspaceId: 't', recipient: { kind: 'user', userId: 'u' }, payload: { type: 'poll', pollId: 1 }, attempt: 1 })).toMatchObject({ ok: false, retryable: false });
    } finally {
      await h.close();
    }
  });

  it('answers malformed JSON with 400, a non-activity with 400, and an oversized body with 413', async () => {
    const h = await startTeams();
    try {
      expect(await h.post('{"type": "message",')).toEqual({ status: 400, body: { error: 'malformed_json' } });
      expect((await h.post('[1,2]')).status).toBe(400);
      expect((await h.post({ type: 'message', text: 'no conversation' })).status).toBe(400);
      expect((await h.post({ type: 'message', text: 'x'.repeat(300 * 1024), conversation: { id: 'a' } })).status).toBe(413);
      expect(h.connector.calls).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});

describe('Teams auth configuration', () => {
  it('is built from our settings only: SingleTenant keeps its tenant, MultiTenant uses the Bot Framework tenant', () => {
    const single = buildAuthConfiguration({ appId: APP_ID, appPassword: 'pw', appType: 'SingleTenant', tenantId: 'contoso-tenant' });
    expect(single.connections!.get('serviceConnection')).toMatchObject({ clientId: APP_ID, clientSecret: 'pw', tenantId: 'contoso-tenant', authType: 'ClientSecret', validateIssuer: true });
    const multi = buildAuthConfiguration({ appId: APP_ID, appPassword: 'pw', appType: 'MultiTenant', tenantId: 'ignored' });
    expect(multi.tenantId).toBeUndefined();
    const msi = buildAuthConfiguration({ appId: APP_ID, appPassword: null, appType: 'UserAssignedMSI', tenantId: null });
    expect(msi).toMatchObject({ clientId: APP_ID, clientSecret: undefined, authType: 'UserManagedIdentity' });
  });
});
