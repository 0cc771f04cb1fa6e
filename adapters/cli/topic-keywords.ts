import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import * as z from 'zod';
import type { TopicKeywords } from '../../src/topics/match.ts';

// From adapters/cli in the sources, or dist/adapters/cli when compiled: the package's own config/.
const PACKAGE_ROOT = resolve(import.meta.dirname, basename(resolve(import.meta.dirname, '../..')) === 'dist' ? '../../..' : '../..');
/** The shipped keywords; the operator edits this file to tune which topic free text is given. */
export const TOPIC_KEYWORDS_FILE = resolve(PACKAGE_ROOT, 'config/topic-keywords.yaml');

const schema = z.record(z.string().min(1).max(64), z.array(z.string().min(1).max(80)).max(500));

/** Reads the keyword file; none there means no proposals (free text stays under "other"). A broken file stops the start with its reason. */
export function loadTopicKeywords(path = TOPIC_KEYWORDS_FILE): TopicKeywords | undefined {
  if (!existsSync(path)) return undefined;
  // The YAML parser is loaded only here (and synchronously, as the core is built), so commands without a core start no slower.
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const parsed = schema.safeParse(parse(readFileSync(path, 'utf8')) ?? {});
  if (!parsed.success) throw new Error(`${path}: expected topic keys with lists of keywords (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}
