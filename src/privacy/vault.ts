import { createHmac } from 'node:crypto';
import { deriveKey, sealBox } from './seal.ts';

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
  const hmacKey = deriveKey(secret, 'innspill pseudonym');
  const box = sealBox(deriveKey(secret, 'innspill seal'));
  return {
    key: (id) => createHmac('sha256', hmacKey).update(id).digest('base64url'),
    seal: (id) => box.seal(id),
    open: (sealed) => box.open(sealed),
  };
}
