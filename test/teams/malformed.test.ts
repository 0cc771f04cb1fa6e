import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, execute, message, startTeams, submit, type TeamsHarness } from './harness.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const kari = { aad: 'aad-kari' };

/** Every path into a JSON value (object keys and array indexes), the root excluded. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...prefix, k], ...paths((value as Record<string, Json>)[k as string]!, [...prefix, k])]);
}

const REMOVE = Symbol('remove');
const wrongValue = fc.oneof(
  fc.constantFrom<Json | typeof REMOVE>(REMOVE, null, 0, -1, 1e308, true, '', 'x', [], {}, [null], { id: null }, { a: { b: [] } }),
  fc.jsonValue() as fc.Arbitrary<Json>,
);

function mutate(body: Json, changes: [number, Json | typeof REMOVE][]): Json {
  const copy = structuredClone(body);
  for (const [pick, value] of changes) {
    const all = paths(copy);
    if (all.length === 0) break;
    const path = all[pick % all.length]!;
    let parent = copy as Record<string | number, Json>;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
    const last = path[path.length - 1]!;
    if (value === REMOVE) {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else parent[last] = value;
  }
  return copy;
}

describe('no 5xx on any Teams activity', () => {
  let h: TeamsHarness;
  const rejections: unknown[] = [];
  const errors: string[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(async () => {
    h = await startTeams({ logger: pino({ level: 'error' }, { write: (line: string) => void errors.push(line) }) });
    process.on('unhandledRejection', onRejection);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await h.close();
  });

  it('answers activities of every kind with fields of wrong types, missing or null without a 5xx, and still works afterwards', { timeout: 120_000 }, async () => {
    const c = h.connector;
    const all = [
      message(c, kari, 'et innspill'),
      message(c, kari, 'hjelp'),
      execute(c, kari, 'vote', { pollId: 1, option: 0 }),
      execute(c, kari, 'suggest', { text: 'hei', topic: 'other' }),
      submit(c, kari, 'profile', { area: 'askim' }),
      activity(c, kari, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-app' }] }),
      activity(c, kari, { type: 'installationUpdate', action: 'add' }),
      activity(c, kari, { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] }),
    ] as unknown as Json[];
    await fc.assert(
      fc.asyncProperty(fc.nat(all.length - 1), fc.array(fc.tuple(fc.nat(), wrongValue), { minLength: 1, maxLength: 3 }), async (which, changes) => {
        const res = await h.post(mutate(all[which]!, changes));
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(rejections).toEqual([]);
    // What cannot be handled is turned away at the edge, not thrown inside a turn.
    expect(errors.map((line) => JSON.parse(line).msg)).toEqual([]);
    const before = h.connector.calls.length;
    expect((await h.post(message(c, kari, 'fortsatt i live'))).status).toBe(200);
    expect(h.connector.calls.length).toBeGreaterThan(before);
  });
});
