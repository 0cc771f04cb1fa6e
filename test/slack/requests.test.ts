import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackHarness, type SlackHarness } from './harness.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

const count = async () => (await h.core.mine({ platform: 'slack', workspaceId: 'T1', userId: 'U1', id: 'slack:T1:U1', locale: 'nb' })).suggestions.length;

describe('Slack request handling', () => {
  it('answers 401 and stores nothing when the signature is wrong or the request is stale', async () => {
    expect((await h.dm('hei', {}).then(() => count()))).toBe(1);
    const bad = await h.slack.event({ type: 'event_callback', team_id: 'T1', event_id: 'Ev-bad', event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'forged', ts: '1.2' } }, { secret: 'wrong' });
    expect(bad.status).toBe(401);
    const stale = await h.slack.event({ type: 'event_callback', team_id: 'T1', event_id: 'Ev-old', event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'old', ts: '1.3' } }, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(`${h.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
    expect(await count()).toBe(1);
  });

  it('answers 400 to malformed bodies and payloads, and the url_verification challenge', async () => {
    expect((await h.slack.send('{broken', 'application/json')).status).toBe(400);
    expect((await h.slack.send('payload=%7Bbroken', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect((await h.slack.send('{"type":"event_callback"}', 'application/json')).status).toBe(400);
    expect((await h.slack.send('x', 'text/plain')).status).toBe(400);
    const challenge = await h.slack.send('{"type":"url_verification","challenge":"abc"}', 'application/json');
    expect(challenge).toMatchObject({ status: 200, json: { challenge: 'abc' } });
  });

  it('answers 413 to a body far larger than any Slack sends', async () => {
    const res = await h.slack.send(`payload=${'x'.repeat(2 * 1024 * 1024)}`, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(413);
  });

  it('answers unknown actions with 200 and stores nothing', async () => {
    const res = await h.click('something_else', 'x');
    expect(res.status).toBe(200);
    await h.adapter.idle();
    expect(h.api.calls).toEqual([]);
  });
});
