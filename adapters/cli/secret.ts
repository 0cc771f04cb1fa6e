import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { keyCheckValue } from '../../src/privacy/vault.ts';

const KEY_BYTES = 32;
/** 32 bytes in standard base64: 43 characters and one `=`; nothing looser is accepted. */
const STRICT_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/** A start-up failure about the key file: the CLI prints it on one line and exits 1. */
export class KeyFileError extends Error {
  readonly code = 'key_file';
}

export const keyFilePath = (databasePath: string) => `${databasePath}.key`;

function parseKey(path: string, text: string): Buffer {
  const body = text.replace(/\r?\n$/, '');
  if (!STRICT_BASE64.test(body)) {
    throw new KeyFileError(`the key file ${path} is not valid: it must hold exactly ${KEY_BYTES} bytes in base64 (44 characters) on one line`);
  }
  return Buffer.from(body, 'base64');
}

/** Written whole and flushed (file and directory) before it is used, so a crash never leaves a key that data was sealed with but that is not on disk. */
function writeNewKey(path: string): Buffer | null {
  const secret = randomBytes(KEY_BYTES);
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  try {
    writeSync(fd, `${secret.toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
  return secret;
}

/**
 * The key behind pseudonyms, sealed senders and sealed Slack installations, kept in a file beside
 * the database (mode 0600) so a copy of the database alone reveals neither who sent an anonymous
 * suggestion nor a workspace's token. Created only for a database that holds nothing made with a
 * key; the database records the key's check value, so a lost or swapped key file stops the start
 * with a clear message instead of silently orphaning the sealed data. `onFirstUse` runs once, before
 * the check value is recorded.
 */
/** Where the database keeps the key's check value, and whether it holds anything made with a key (storage/key-check.ts, storage/postgres/key-check.ts). */
export interface KeyRecords {
  recorded(): Promise<string | null>;
  record(value: string, now: Date): Promise<void>;
  holdsKeyedData(): Promise<boolean>;
}

export async function loadSecret(databasePath: string, db: KeyRecords, now: Date, onFirstUse: (secret: Buffer) => void = () => {}): Promise<Buffer> {
  if (databasePath === ':memory:') return randomBytes(KEY_BYTES);
  const path = keyFilePath(databasePath);
  let secret: Buffer | null = null;
  try {
    secret = parseKey(path, readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (!secret) {
    if (await db.holdsKeyedData()) {
      throw new KeyFileError(
        `the key file ${path} is missing, but the database holds pseudonymous and sealed data made with it; restore ${path} from backup (a new key would make that data unreachable)`,
      );
    }
    // Another process may have created it a moment ago: then use theirs.
    secret = writeNewKey(path) ?? parseKey(path, readFileSync(path, 'utf8'));
  }
  const check = keyCheckValue(secret);
  const recorded = await db.recorded();
  if (recorded === null) {
    // The first start with this check (a new database, or one from before it was kept).
    onFirstUse(secret);
    await db.record(check, now);
  }
  else if (recorded !== check) {
    throw new KeyFileError(`the key file ${path} does not belong to this database; restore the database's own key file from backup`);
  }
  return secret;
}
