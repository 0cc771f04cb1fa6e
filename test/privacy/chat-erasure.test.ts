import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DM_NAMESPACE } from '../../adapters/slack/dm-channels.ts';
import { actor } from '../helpers/core.ts';
import { slackHarness, type SlackHarness } from '../slack/harness.ts';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

describe('"delete my data" in Slack', () => {
  it('removes the participant row, their anonymous suggestion and their DM channel, over HTTP', async () => {
    await h.core.saveProfile(actor('U1'), { companyName: 'Firma AS', area: 'askim' });
    // A direct message to the bot: stored as a suggestion, and its channel kept for later messages.
    expect((await h.dm('Anonymt nok?')).status).toBe(200);
    await h.adapter.idle();
    await h.core.submitSuggestion(actor('U1'), { text: 'Et anonymt innspill', anonymous: true });
    await h.store.platformState.put(DM_NAMESPACE, 'T1:U1', 'D1', h.clock());
    await h.store.platformState.put(DM_NAMESPACE, 'T1:U2', 'D2', h.clock());

    expect((await h.click('innspill_delete_confirm', 'delete')).status).toBe(200);
    await h.adapter.idle();
    expect(await h.store.participants.get('slack:T1:U1')).toBeNull();
    expect(await h.core.mine(actor('U1'))).toEqual({ suggestions: [], votes: [] });
    expect(await h.store.platformState.get(DM_NAMESPACE, 'T1:U1')).toBeNull();
    expect(await h.store.platformState.get(DM_NAMESPACE, 'T1:U2')).toBe('D2');
    expect(h.api.callsTo('response_url').at(-1)!.args.text).toContain('Slettet: 2 innspill');
  });
});
