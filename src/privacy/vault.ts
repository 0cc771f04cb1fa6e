import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Keeps identities unreadable where the rules say so. `key` gives a stable pseudonym (HMAC) so a
 * person can find and delete their own anonymous suggestions and votes; `seal` encrypts a sender
 * id (AES-256-GCM) so a member's reply can reach an anonymous sender without anyone reading who it is.
 */
export interface IdentityVault {
  key(participantId: string): string;
  seal(participantId: string): string;
  open(sealed: string): string;
}

export function createIdentityVault(secret: Buffer): IdentityVault {
  if (secret.length < 32) throw new Error('the identity secret must be at least 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
  const hmacKey = derive('innspill pseudonym');
  const sealKey = derive('innspill seal');
  return {
    key: (id) => createHmac('sha256', hmacKey).update(id).digest('base64url'),
    seal(id) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      const body = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', sealKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
