import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.ts';
import { finished, runCli, startCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';

/** `innspill digest --send` and the outbox as an operator meets them: real processes, a fake Slack. */
describe('sending the digest now', () => {
  const tmp = useTmpDir();
  let slack: FakeSlackApi;
  beforeEach(async () => {
    slack = await startFakeSlackApi();
  });
  afterEach(async () => {
    await slack.close();
  });

  const envFor = (dir: string) => ({
    DATABASE_PATH: join(dir, 'innspill.db'),
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.url,
  });

  it('delivers to every member once, reports whom it cannot reach, and exits 1 when someone is missed', async () => {
    // Teams in anonymous mode (TEAMS_LOCAL) is mounted but knows no conversation with aad-1.
    const env = { ...envFor(tmp()), TEAMS_LOCAL: '1' };
    await runCli(['console', '--as', 'kari'], { env, input: 'Bedre skilting til Askim sentrum <!channel>\n' });
    for (const id of ['slack:T1:U1', 'teams:tenant-1:aad-1', 'console:local:kari']) await runCli(['members', 'add', id], { env });
    const result = await runCli(['digest', '--send'], { env });
    expect(result.stdout).toContain('slack:T1:U1  delivered');
    expect(result.stdout).toContain('console:local:kari  not reachable: no Slack or Teams account');
    expect(result.stdout).toMatch(/teams:tenant-1:aad-1 {2}not delivered \(.*unreachable/);
    expect(result.code).toBe(1);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.args)).toContain('Bedre skilting til Askim sentrum &lt;!channel&gt;');
    expect(JSON.stringify(posts[0]!.args)).not.toContain('<!channel>');
    expect(posts[0]!.token).toBe('xoxb-test-token');

    const list = await runCli(['outbox', 'list'], { env });
    expect(list.stdout).toMatch(/dead {2}teams {2}digest {2}teams:tenant-1:aad-1/);
    expect(list.stdout).not.toContain('slack:T1:U1');
  });

  it('retries a Slack 500 and follows Retry-After before delivering', async () => {
    const env = envFor(tmp());
    await runCli(['members', 'add', 'slack:T1:U1'], { env });
    let calls = 0;
    slack.answer('chat.postMessage', () => {
      calls += 1;
      if (calls === 1) return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
      if (calls === 2) return { status: 500, body: 'oops' };
      return undefined;
    });
    const result = await runCli(['digest', '--send'], { env });
    expect(result.stdout).toContain('slack:T1:U1  delivered');
    expect(result.code).toBe(0);
    const times = slack.callsTo('chat.postMessage').map((c) => c.at);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
  });

  it('does not send again a message a crash left in doubt, and says so', async () => {
    const env = envFor(tmp());
    await runCli(['members', 'add', 'slack:T1:U1'], { env });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    slack.answer('chat.postMessage', () => ({ until: held }));
    const sending = startCli(['digest', '--send'], { env });
    const exited = finished(sending);
    await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'), 15_000);
    // The process dies after Slack took the message and before it could record that.
    sending.kill('SIGKILL');
    await exited;
    release();

    expect((await runCli(['outbox', 'list'], { env })).stdout).toMatch(/sending {2}slack {2}digest {2}slack:T1:U1/);
    const server = startCli(['serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' } });
    const stopped = finished(server);
    await new Promise<void>((resolve) => server.stderr.on('data', (d: Buffer) => d.toString().includes('innspill is listening') && resolve()));
    server.kill('SIGTERM');
    const log = (await stopped).stderr;
    expect(log).toContain('interrupted while sending');

    const list = (await runCli(['outbox', 'list'], { env })).stdout;
    expect(list).toMatch(/dead {2}slack {2}digest {2}slack:T1:U1 {2}tries 1 {2}error: interrupted while sending/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
