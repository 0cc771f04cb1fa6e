import { describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/cli/logger.ts';

function sink(isTTY: boolean) {
  const lines: string[] = [];
  return { stream: { isTTY, write: (line: string) => void lines.push(line) } as unknown as NodeJS.WritableStream & { isTTY: boolean }, lines };
}

describe('logs', () => {
  it('are human lines on a terminal, with secrets still redacted', () => {
    const { stream, lines } = sink(true);
    createLogger('info', stream).info({ token: 'xoxb-secret', port: 3000 }, 'innspill is listening');
    expect(lines).toHaveLength(1);
    expect(() => JSON.parse(lines[0]!)).toThrow();
    expect(lines[0]).toMatch(/INFO.*innspill is listening/);
    expect(lines[0]).toMatch(/port.*3000/);
    expect(lines[0]).not.toContain('xoxb-secret');
  });

  it('are JSON, one object a line, anywhere else', () => {
    const { stream, lines } = sink(false);
    createLogger('info', stream).warn({ token: 'xoxb-secret' }, 'hello');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, msg: 'hello', token: '[redacted]' });
  });
});
