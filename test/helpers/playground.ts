import { PassThrough } from 'node:stream';
import { runPlayground } from '../../adapters/console/playground.ts';
import type { Actor } from '../../src/domain/participant.ts';
import type { Innspill } from '../../src/innspill.ts';
import { actor, testCore } from './core.ts';

/** Types `lines` into the terminal playground as console:local:kari and returns everything it printed. */
export async function chat(lines: string[], options: { member?: boolean; locale?: 'nb' | 'en' } = {}) {
  const { core } = testCore();
  const me = actor('kari', { platform: 'console', workspaceId: 'local', locale: options.locale ?? 'nb' });
  if (options.member) await core.members.add(me.id, new Date());
  return { text: await playgroundSession(core, me, lines), core, me };
}

/** Types the lines into the terminal playground as `me` and returns everything it printed. */
export async function playgroundSession(core: Innspill, me: Actor, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  input.end(`${lines.join('\n')}\n`);
  await runPlayground(core, me, { input, output });
  return text;
}
