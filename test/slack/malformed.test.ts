import fc from 'fast-check';
import { changes, mutate, type Json } from '../helpers/mutate.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackHarness, type SlackHarness } from './harness.ts';

type Kind = 'event' | 'interaction';

/** A correct payload of every kind Slack sends us; the property test breaks them field by field. */
function templates(h: SlackHarness): { kind: Kind; body: Json }[] {
  const user = { id: 'U9', username: 'someone', team_id: 'T1' };
  const team = { id: 'T1', domain: 'test' };
  const envelope = (event: Json) => ({ token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'Ev1', event_time: 1, event });
  const view = { id: 'V1', type: 'modal', callback_id: 'innspill_suggestion', private_metadata: '{"channelId":"C1"}', hash: 'h', state: { values: { text: { value: { type: 'plain_text_input', value: 'hei' } }, topic: { value: { type: 'static_select', selected_option: { value: 'other' } } }, flags: { value: { type: 'checkboxes', selected_options: [{ value: 'anonymous' }] } } } } };
  return [
    { kind: 'event', body: { token: 'legacy', team_id: 'T1', team_domain: 'test', channel_id: 'C1', user_id: 'U9', command: '/innspill', text: 'et innspill', response_url: h.api.responseUrl('c'), trigger_id: 't1' } },
    { kind: 'event', body: { token: 'legacy', team_id: 'T1', channel_id: 'C1', user_id: 'U9', command: '/poll', text: '"Hva?" "A" "B"', response_url: h.api.responseUrl('p'), trigger_id: 't2' } },
    { kind: 'event', body: envelope({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U9', text: 'hei', ts: '1700000000.1', event_ts: '1' }) },
    { kind: 'event', body: envelope({ type: 'app_home_opened', user: 'U9', channel: 'D1', tab: 'home', event_ts: '1' }) },
    { kind: 'event', body: envelope({ type: 'app_uninstalled', event_ts: '1' }) },
    { kind: 'event', body: envelope({ type: 'tokens_revoked', tokens: { bot: ['U0'], oauth: [] }, event_ts: '1' }) },
    { kind: 'interaction', body: { type: 'block_actions', team, user, api_app_id: 'A1', trigger_id: 't3', response_url: h.api.responseUrl('a'), container: { type: 'message', message_ts: '1.1', channel_id: 'C1' }, channel: { id: 'C1' }, actions: [{ type: 'button', block_id: 'b', action_id: 'innspill_vote_0', value: '1:0', action_ts: '1700000000.2' }] } },
    { kind: 'interaction', body: { type: 'block_actions', team, user, trigger_id: 't4', response_url: h.api.responseUrl('b'), actions: [{ type: 'button', action_id: 'innspill_home_suggest', value: 'x', action_ts: '1.3' }], view } },
    { kind: 'interaction', body: { type: 'view_submission', team, user, api_app_id: 'A1', trigger_id: 't5', view } },
    { kind: 'interaction', body: { type: 'view_submission', team, user, trigger_id: 't6', view: { ...view, callback_id: 'innspill_poll', state: { values: { question: { value: { value: 'Hva?' } }, options: { value: { value: 'A\nB' } } } } } } },
    { kind: 'interaction', body: { type: 'view_closed', team, user, view } },
    { kind: 'interaction', body: { type: 'shortcut', team, user, callback_id: 'x', trigger_id: 't7' } },
    { kind: 'interaction', body: { type: 'block_suggestion', team, user, action_id: 'a', block_id: 'b', value: 'v' } },
  ];
}


describe('no 5xx on any signed Slack payload', () => {
  let h: SlackHarness;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(async () => {
    h = await slackHarness();
    process.on('unhandledRejection', onRejection);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await h.close();
  });

  it('answers every kind with fields of wrong types, missing or null without a 5xx, and still works afterwards', { timeout: 120_000 }, async () => {
    const all = templates(h);
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(all.length - 1), changes, async (which, edits) => {
        const { kind, body } = all[which]!;
        const broken = mutate(body, edits);
        const res = kind === 'interaction' ? await h.slack.interaction(broken) : await h.slack.event(broken);
        statuses.add(res.status);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    // The examples the issue names, each on its own.
    const named = [
      await h.dm(42 as unknown as string),
      await h.dm({ text: 'obj' } as unknown as string),
      await h.event({ type: 'app_home_opened', user: null, tab: 'home' }),
      await h.slack.interaction({ ...(all[6]!.body as object), actions: [{ type: 'button', action_id: null, value: '1:0' }] }),
      // No workspace at all (a 500 fast-check found once): neither `team` nor the user's team.
      await h.slack.interaction({ ...(all[9]!.body as object), team: null, user: { id: 'U9', username: 'someone' } }),
    ];
    expect(named.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.has(200)).toBe(true);

    await new Promise((r) => setTimeout(r, 50));
    expect(rejections).toEqual([]);
    // The server still works: a correct suggestion is stored and confirmed.
    const ok = await h.command('fortsatt i live');
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/#\d+/);
  });

  it('answers 400 to what cannot be parsed at all', async () => {
    expect((await h.slack.send('{nope', 'application/json')).status).toBe(400);
    expect((await h.slack.send('[1,2]', 'application/json')).status).toBe(400);
  });
});
