import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createHttpServer } from '../../adapters/http/server.ts';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { createSecretBox } from '../../src/privacy/seal.ts';
import { startFakeSlackApi } from '../fakes/slack-api.ts';
import { SIGNING_SECRET, slackRequests } from '../fakes/slack-requests.ts';
import { actor, testCore } from '../helpers/core.ts';

describe('a Slack user’s locale after a restart', () => {
  it('comes from the database, not the empty cache’s default', async () => {
    const api = await startFakeSlackApi();
    const { core, store } = testCore();
    // Before the restart: Ola wrote in English, and the database knows it.
    await core.submitSuggestion(actor('U7', { locale: 'en' }), { text: 'Better roads' });
    const silent = pino({ level: 'silent' });
    // After the restart: a new adapter with an empty cache, over the same database.
    const adapter = createSlackAdapter({
      core,
      state: store.platformState,
      config: { signingSecret: SIGNING_SECRET, apiUrl: api.url, appToken: null, auth: { mode: 'single', botToken: 'xoxb-test' } },
      defaultLocale: 'nb',
      secrets: createSecretBox(Buffer.alloc(32, 9)),
      logger: silent,
    });
    await adapter.start();
    const http = createHttpServer(adapter.routes, silent);
    const { port } = await http.listen(0, '127.0.0.1');
    try {
      const reply = await slackRequests(`http://127.0.0.1:${port}`).command({
        team_id: 'T1', channel_id: 'C1', user_id: 'U7', command: '/innspill', text: 'Wider pavements', response_url: api.responseUrl('r'), trigger_id: 't',
      });
      expect(reply.json.text).toContain('registered as number #2');
      expect((await store.participants.get('slack:T1:U7'))?.locale).toBe('en');
    } finally {
      await adapter.stop();
      await http.close(10);
      await api.close();
      store.close();
    }
  });
});
