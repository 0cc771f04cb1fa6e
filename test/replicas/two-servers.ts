import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, runCli, startCli } from '../helpers/cli.ts';
import { useTmpDir } from '../helpers/tmp.ts';
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../fakes/slack-api.ts';
import { SIGNING_SECRET, slackRequests } from '../fakes/slack-requests.ts';

/*
 * Two real `serve` processes on one database behind a round-robin proxy, the way an operator runs
 * replicas behind a load balancer: a vote storm with Slack's retries landing on the other replica,
 * a direct message delivered twice, a poll to everyone and a digest both schedulers fire for the
 * same slot. Nothing may count or send twice, and together the two keep the workspace's send rate.
 */

/** A schema of its own on the test server; the key file stays beside DATABASE_PATH, as after a move. */
export function postgresEnv(fresh: () => Promise<{ url: string }>) {
  return async (dir: string) => ({ DATABASE_URL: (await fresh()).url, DATABASE_PATH: join(dir, 'innspill.db') });
}

const VOTERS = 80;
const MEMBERS = 10;
const WORKSPACE_LIMIT = 10;
/** Rates are counted over five published windows, so a busy machine delaying one call cannot tip a count. */
const COUNT_WINDOW_MS = 5_000;
const LONG = 240_000;


/** Forwards each request, byte for byte, to the next replica in turn (loopback only). */
async function roundRobin(ports: number[]): Promise<{ base: string; server: Server }> {
  let next = 0;
  const server = createServer((req, res) => {
    const port = ports[next++ % ports.length]!;
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Starts `innspill serve`; resolves with its port once it listens. */
async function startReplica(env: Record<string, string>, cleanups: (() => Promise<unknown>)[]) {
  const child = startCli(['serve'], { env: { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' } });
  const done = finished(child);
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      log += d.toString();
      const match = /"port":(\d+)/.exec(log);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    return done;
  };
  cleanups.push(stop);
  return { port, stop, log: () => log };
}

/** The next whole UTC second at least `leadMs` away, as a daily cron expression with a seconds field. */
function cronAtLeast(leadMs: number): { cron: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + leadMs) / 1000) * 1000);
  return { cron: `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} * * *`, at };
}
/** How far ahead the digest's slot is set when the replicas start, and how long before it both must be up. */
const DIGEST_LEAD_MS = 8_000;
const READY_BEFORE_SLOT_MS = 3_000;

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = LONG): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const isPoll = (c: RecordedCall) => JSON.stringify(c.args.blocks ?? '').includes('innspill_vote_');
/** What the outbox sent: posts in a person's chat with the bot that answer no message of theirs. */
const outboxPosts = (api: FakeSlackApi) => api.callsTo('chat.postMessage').filter((c) => String(c.args.channel).startsWith('D') && !c.args.thread_ts);
const countsIn = (blocks: { text?: { text: string } }[]) =>
  blocks.flatMap((b) => (b.text ? [...b.text.text.matchAll(/` (\d+) stemmer? \(/g)].map((m) => Number(m[1])) : []));
const busiest = (times: number[], ms: number) => Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

/**
 * The scenario on one kind of database (`env` gives the processes' database settings for a fresh
 * one). Registered by each test file with its own hooks: with modules shared between the files of a
 * worker, hooks made when this module loads would belong to whichever file loaded it first.
 */
export function describeTwoReplicas(name: string, databaseEnv: (dir: string) => Promise<Record<string, string>>): void {
  const tmp = useTmpDir();
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const startServer = (serverEnv: Record<string, string>) => startReplica(serverEnv, cleanups);
  describe(`two replicas on one database: ${name}`, () => {
    it('count each vote once, send each message once, one digest per member, within the workspace rate', { timeout: 2 * LONG }, async () => {
      const members = Array.from({ length: MEMBERS }, (_, i) => `M${i + 1}`);
      const voters = Array.from({ length: VOTERS }, (_, i) => `V${i}`);

      /**
       * Both schedulers fire the same slot, a few seconds ahead (a daily cron with a seconds field),
       * which both replicas must be up for. When a busy machine started them too late for that,
       * they stop and the scenario starts afresh (database, fake Slack) with twice the lead, so no
       * digest of the late pair can reach this one.
       */
      async function upBeforeTheSlot(lead: number) {
        const dir = tmp();
        const api = await startFakeSlackApi();
        cleanups.push(() => api.close());
        const base = { ...(await databaseEnv(dir)), SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: api.url, DIGEST_TIMEZONE: 'UTC' };
        for (const m of members) expect((await runCli(['members', 'add', `slack:T1:${m}`], { env: base })).code).toBe(0);
        const digest = cronAtLeast(lead);
        const env = { ...base, DIGEST_CRON: digest.cron };
        const replicas = await Promise.all([startServer(env), startServer(env)]);
        if (Date.now() <= digest.at.getTime() - READY_BEFORE_SLOT_MS) return { api, base, digest, replicas };
        for (const replica of replicas) await replica.stop();
        return upBeforeTheSlot(2 * lead);
      }
      const { api, base, digest, replicas } = await upBeforeTheSlot(DIGEST_LEAD_MS);
      const proxy = await roundRobin(replicas.map((r) => r.port));
      cleanups.push(() => new Promise((r) => proxy.server.close(r)));
      const slack = slackRequests(proxy.base);
      let n = 0;
      const click = (user: string, actionId: string, value: string, ts: string) =>
        slack.interaction({
          type: 'block_actions',
          team: { id: 'T1', domain: 'test' },
          user: { id: user, username: user, team_id: 'T1' },
          api_app_id: 'A1',
          token: 'legacy',
          container: { type: 'message', message_ts: '1.1', channel_id: 'C1' },
          trigger_id: `trigger-${ts}`,
          channel: { id: 'C1', name: 'general' },
          response_url: api.responseUrl(`act-${ts}`),
          actions: [{ type: 'button', block_id: 'b', action_id: actionId, value, action_ts: ts, text: { type: 'plain_text', text: 'x' } }],
        });
      const command = (user: string, text: string) =>
        slack.command({ token: 'legacy', team_id: 'T1', team_domain: 'test', channel_id: 'C1', channel_name: 'general', user_id: user, user_name: user, command: '/poll', text, api_app_id: 'A1', is_enterprise_install: 'false', response_url: api.responseUrl(`cmd${(n += 1)}`), trigger_id: `trigger-cmd${n}` });

      // A multiple-choice poll in a channel: a retried click would take the vote back, so only dedupe keeps the tally.
      expect((await command('M1', '"Hvilken dag passer?" "Mandag" "Tirsdag" "Onsdag" --flere')).status).toBe(200);
      await api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === 'C1' && isPoll(c)), LONG);
      const pollPost = api.callsTo('chat.postMessage').find((c) => c.args.channel === 'C1' && isPoll(c))!;
      // A button's value: the poll, the answer, and what it was drawn for, as each click sends it back.
      const [, pollId, revision] = JSON.stringify(pollPost.args.blocks).match(/"value":"(\d+):0:([0-9a-f]{8})"/)!;

      // The storm: every voter at once, every fourth click delivered again (the proxy sends the copy to the other replica).
      const clicks = voters.map((v, i) => ({ user: v, option: i % 3, ts: `1700000000.${String(i).padStart(6, '0')}` }));
      const deliveries = clicks.flatMap((c, i) => (i % 4 === 0 ? [c, c] : [c]));
      const answers = await Promise.all(deliveries.map((c) => click(c.user, `innspill_vote_${c.option}`, `${pollId}:${c.option}:${revision}`, c.ts)));
      expect(answers.map((a) => a.status)).toEqual(deliveries.map(() => 200));

      // Direct messages (suggestions), each delivered twice: Slack's retry reaches the other replica.
      const dms = voters.slice(0, 10).map((v, i) => ({
        token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `EvDm${i}`, event_time: 1,
        event: { type: 'message', channel: `D${v}`, channel_type: 'im', user: v, text: `Forslag nummer ${i}`, ts: `1700000100.00000${i}`, event_ts: '1' },
      }));
      for (const dm of dms) {
        expect((await slack.event(dm)).status).toBe(200);
        expect((await slack.event(dm, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
      }

      // A poll to everyone: one outbox message per participant, sent by whichever replica claims it.
      expect((await command('M1', '"Kommer du på årsmøtet?" "Ja" "Nei" --alle')).status).toBe(200);

      const expectedCounts = [0, 1, 2].map((o) => clicks.filter((c) => c.option === o).length);
      // Every voter gets the poll once, every member the digest once (after the slot), and the channel poll shows the final counts.
      await until(() => outboxPosts(api).filter(isPoll).length >= VOTERS, 'the poll to everyone');
      await until(() => Date.now() > digest.at.getTime(), 'the digest slot');
      await until(() => outboxPosts(api).filter((c) => !isPoll(c)).length >= MEMBERS, 'the digest to every member');
      await until(async () => (await runCli(['outbox', 'list'], { env: base })).stdout === 'the outbox is empty\n', 'the outbox to drain');
      await until(() => api.callsTo('chat.update').some((c) => c.args.channel === 'C1' && JSON.stringify(countsIn(c.args.blocks)) === JSON.stringify(expectedCounts)), 'the poll message to show the final counts');

      // No double vote: the tallies are exact, whichever replica took each click and its retry.
      const exported = JSON.parse((await runCli(['export', '--format', 'json'], { env: base })).stdout);
      const poll = exported.polls.find((p: { id: number }) => p.id === Number(pollId));
      expect(poll.options.map((o: { votes: number }) => o.votes)).toEqual(expectedCounts);

      // A retried direct message is stored and answered once.
      const confirmations = api.callsTo('chat.postMessage').filter((c) => c.args.thread_ts);
      expect(confirmations.map((c) => c.args.thread_ts).sort()).toEqual(dms.map((d) => d.event.ts).sort());

      // The outbox drained once: each voter one poll, each member one digest, nothing else.
      const sent = outboxPosts(api);
      expect(sent.filter(isPoll).map((c) => c.args.channel).sort()).toEqual(voters.map((v) => `D${v}`).sort());
      expect(sent.filter((c) => !isPoll(c)).map((c) => c.args.channel).sort()).toEqual(members.map((m) => `D${m}`).sort());
      // Both schedulers fired; one slot was claimed (the log of exactly one replica says it queued the digest).
      expect(replicas.filter((r) => r.log().includes('digest queued'))).toHaveLength(1);

      // Together within the workspace's limit, counted from the fake's arrival times.
      const times = sent.map((c) => c.at);
      expect(busiest(times, COUNT_WINDOW_MS)).toBeLessThanOrEqual((WORKSPACE_LIMIT * COUNT_WINDOW_MS) / 1000);

      // Poll message updates were coalesced: far fewer than the clicks.
      expect(api.callsTo('chat.update').filter((c) => c.args.channel === 'C1').length).toBeLessThan(clicks.length / 4);

      for (const replica of replicas) expect((await replica.stop()).code).toBe(0);
    });
  });
}
