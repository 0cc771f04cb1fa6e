import { startFakeSlackApi } from '../test/fakes/slack-api.ts';

/**
 * The fake Slack Web API in a process of its own, so it takes no CPU from the server under test.
 * Argument: how long every answer takes (ms). Prints its base URL, then serves until killed.
 */
const delayMs = Number(process.argv[2] ?? 0);
const api = await startFakeSlackApi({ record: false });
for (const method of ['response_url', 'chat.update', 'chat.postMessage', 'users.info', 'views.open']) {
  api.answer(method, () => (delayMs ? { delayMs } : undefined));
}
process.stdout.write(`${JSON.stringify({ url: api.url })}\n`);
