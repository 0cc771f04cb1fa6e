import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Encrypts and authenticates short texts (AES-256-GCM); `open` throws on anything not sealed with the same key. */
export interface SealBox {
  seal(text: string): string;
  open(sealed: string): string;
}

/** One key per purpose from the installation's secret, so no two purposes share a key. */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  if (secret.length < 32) throw new Error('the secret must be at least 32 bytes');
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32));
}

export function sealBox(key: Buffer): SealBox {
  return {
    seal(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** For credentials the adapters keep in the database (Slack's OAuth tokens): unreadable without the key file. */
export function createSecretBox(secret: Buffer): SealBox {
  return sealBox(deriveKey(secret, 'innspill stored secrets'));
}
