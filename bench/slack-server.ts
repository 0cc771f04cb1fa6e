import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, LogLevel } from '@slack/bolt';
import { pino } from 'pino';
import { createHttpServer } from '../adapters/http/server.ts';
import { createResponder } from '../adapters/slack/api/responder.ts';
import { textMessage } from '../adapters/slack/render/messages.ts';
import { createSlackAdapter } from '../adapters/slack/index.ts';
import { createSecretBox } from '../src/privacy/seal.ts';
import { benchCoreWithPoll } from './poll-core.ts';

/**
 * One server under load, in its own process: `innspill` (our adapter on our HTTP server, SQLite in
 * WAL mode on disk, a poll whose message is kept current) or `bare` (a Bolt app on its own
 * HTTPReceiver that acks every click, stores nothing, and posts the voter the same confirmation
 * through `response_url`, on the same keep-alive client). Prints `{port, pollId}`; serves until killed.
 */
const [mode, apiUrl, SIGNING_SECRET] = process.argv.slice(2) as ['innspill' | 'bare', string, string];
const logger = pino({ level: 'silent' });
// A normal exit when the bench is done with it, so `node --cpu-prof` can write its profile.
process.once('SIGTERM', () => process.exit(0));

if (mode === 'bare') {
  const app = new App({ signingSecret: SIGNING_SECRET, token: 'xoxb-bench', botId: 'B1', botUserId: 'UBOT', logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl } });
  const responder = createResponder(logger);
  app.action(/.*/, async ({ ack, body }) => {
    await ack();
    responder.post((body as { response_url: string }).response_url, { response_type: 'ephemeral', replace_original: false, ...textMessage('Du har stemt: Tirsdag.') });
  });
  const server = await app.start(0);
  const address = (server as unknown as { address(): { port: number } }).address();
  process.stdout.write(`${JSON.stringify({ port: address.port, pollId: 1 })}\n`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-bench-slack-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const { store, core, poll } = await benchCoreWithPoll(dir);
  const slack = createSlackAdapter({
    core,
    state: store.platformState,
    config: { signingSecret: SIGNING_SECRET, apiUrl, appToken: null, auth: { mode: 'single', botToken: 'xoxb-bench' } },
    defaultLocale: 'nb',
    secrets: createSecretBox(Buffer.alloc(32, 3)),
    logger,
  });
  const http = createHttpServer(slack.routes, logger);
  const { port } = await http.listen(0, '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ port, pollId: poll.id })}\n`);
}
