import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DM_NAMESPACE } from '../../adapters/slack/dm-channels.ts';
import { createInstallationStore } from '../../adapters/slack/oauth/installation-store.ts';
import { createSecretBox } from '../../src/privacy/seal.ts';
import { actor } from '../helpers/core.ts';
import { slackHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness({ auth: { mode: 'oauth', clientId: '123.456', clientSecret: 'client-secret', stateSecret: 'state-secret-0123456789' } });
});
afterEach(async () => {
  await h.close();
});

/** Follows /slack/install to Slack's authorize URL, then comes back to the callback as Slack would. */
async function install(code = 'code-1') {
  const start = await fetch(`${h.base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.searchParams.get('scope')).toBe('chat:write,commands,im:history,im:write,users:read');
  const state = authorize.searchParams.get('state')!;
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  return fetch(`${h.base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
}

/** The installation as it lies in the database. */
const installation = (team = 'T9') => h.store.platformState.get<Record<string, unknown>>('slack.installation', `team:${team}`);

describe('OAuth', () => {
  it('stores the installation from oauth.v2.access (on SLACK_API_URL), sealed, and uses its token for that workspace', async () => {
    const callback = await install();
    expect(callback.status).toBe(200);
    const [exchange] = h.api.callsTo('oauth.v2.access');
    expect(exchange!.args.code).toBe('code-1');
    const stored = await installation();
    expect(Object.keys(stored!)).toEqual(['sealed']);
    expect(JSON.stringify(stored)).not.toContain('xoxb-installed');

    await h.dm('fra en installert arbeidsplass', { team: 'T9' });
    await h.adapter.idle();
    expect(h.api.callsTo('chat.postMessage')[0]!.token).toBe('xoxb-installed');
    expect((await h.core.mine(actor('U1', { workspaceId: 'T9' }))).suggestions).toHaveLength(1);
  });

  it('refuses a callback whose state was not issued here', async () => {
    const res = await fetch(`${h.base}/slack/oauth_redirect?code=x&state=forged`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(h.api.callsTo('oauth.v2.access')).toEqual([]);
    expect(await installation()).toBeNull();
  });

  it('answers a workspace with no installation without storing or calling anything', async () => {
    const res = await h.dm('ukjent arbeidsplass', { team: 'T404' });
    expect(res.status).toBe(200);
    await h.adapter.idle();
    expect((await h.core.mine(actor('U1', { workspaceId: 'T404' }))).suggestions).toEqual([]);
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('deletes the installation on app_uninstalled and on tokens_revoked', async () => {
    await install();
    await h.event({ type: 'tokens_revoked', tokens: { oauth: ['U1'] } }, { team: 'T9' });
    expect(await installation()).not.toBeNull();
    await h.event({ type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }, { team: 'T9' });
    expect(await installation()).toBeNull();

    await install('code-2');
    expect(await installation()).not.toBeNull();
    // The workspace's kept DM channels go with it; another workspace's stay.
    await h.dm('hei', { team: 'T9', user: 'U5' });
    await h.store.platformState.put(DM_NAMESPACE, 'T1:U5', 'D5', new Date());
    expect(await h.store.platformState.get(DM_NAMESPACE, 'T9:U5')).toBe('D1');
    expect((await h.event({ type: 'app_uninstalled' }, { team: 'T9' })).status).toBe(200);
    expect(await installation()).toBeNull();
    expect(await h.store.platformState.get(DM_NAMESPACE, 'T9:U5')).toBeNull();
    expect(await h.store.platformState.get(DM_NAMESPACE, 'T1:U5')).toBe('D5');
  });

  it('reads an installation an earlier version stored in the clear, and seals it', async () => {
    const plain = { team: { id: 'T8' }, enterprise: undefined, isEnterpriseInstall: false, bot: { token: 'xoxb-old', userId: 'UBOT', scopes: [] } };
    await h.store.platformState.put('slack.installation', 'team:T8', plain, new Date());
    await h.dm('fra før', { team: 'T8' });
    await h.adapter.idle();
    expect(h.api.callsTo('chat.postMessage')[0]!.token).toBe('xoxb-old');
    expect(Object.keys((await installation('T8'))!)).toEqual(['sealed']);
    expect(JSON.stringify(await installation('T8'))).not.toContain('xoxb-old');
  });

  it('treats an installation sealed with another key file as missing, and says why', async () => {
    const other = createInstallationStore(h.store.platformState, createSecretBox(Buffer.alloc(32, 1)), () => new Date());
    await other.storeInstallation({ team: { id: 'T7' }, enterprise: undefined, isEnterpriseInstall: false, bot: { token: 'xoxb-7', userId: 'UBOT', scopes: [], id: 'B7' }, user: { token: undefined, scopes: undefined, id: 'U1' } });
    const res = await h.dm('nøkkelen er byttet', { team: 'T7' });
    expect(res.status).toBe(200);
    await h.adapter.idle();
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    const mine = createInstallationStore(h.store.platformState, h.secrets, () => new Date());
    await expect(mine.fetchInstallation({ teamId: 'T7', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/another key file/);
  });
});
