import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { message, startTeams } from './harness.ts';

describe('a Teams reply the connector refuses', () => {
  it('is logged in one short line, without a stack or the request', async () => {
    const lines: string[] = [];
    const h = await startTeams({ logger: pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) }) });
    try {
      h.connector.answerNext(500);
      expect((await h.post(message(h.connector, { aad: 'aad-kari' }, 'et innspill'))).status).toBeLessThan(500);
      const errors = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level === 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ msg: 'Teams reply failed', status: 500 });
      expect(lines.find((l) => l.includes('Teams reply failed'))!.length).toBeLessThan(400);
      expect(lines.join('')).not.toMatch(/\n\s+at |stack/);
    } finally {
      await h.close();
    }
  });
});
