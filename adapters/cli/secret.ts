import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The key behind pseudonyms, sealed senders and sealed Slack installations, kept in a file beside
 * the database (mode 0600) so a copy of the database alone reveals neither who sent an anonymous
 * suggestion nor a workspace's token. Created on first start.
 */
export function loadOrCreateSecret(databasePath: string): Buffer {
  if (databasePath === ':memory:') return randomBytes(32);
  const path = `${databasePath}.key`;
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32);
  try {
    writeFileSync(path, `${secret.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    throw error;
  }
}
