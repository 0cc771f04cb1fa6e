import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { slackHarness } from './harness.ts';

describe('a write that fails in a Slack command', () => {
  it('is answered in the chat and logged at error level, once per failed write', async () => {
    const lines: { level: number; msg: string }[] = [];
    const h = await slackHarness({ logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }) });
    try {
      // What a full disk or a read-only file does to every write.
      h.store.db.pragma('query_only = 1');
      const first = await h.command('et innspill');
      const second = await h.command('et til');
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.json.response_type).toBe('ephemeral');
      expect(lines.filter((l) => l.level === 50 && l.msg === 'slack command failed')).toHaveLength(2);
    } finally {
      h.store.db.pragma('query_only = 0');
      await h.close();
    }
  });
});
