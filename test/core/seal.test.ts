import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/privacy/seal.ts';
import { createIdentityVault } from '../../src/privacy/vault.ts';

const secret = Buffer.alloc(32, 5);

describe('sealing', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const box = createSecretBox(secret);
    const a = box.seal('xoxb-123');
    expect(box.open(a)).toBe('xoxb-123');
    expect(box.seal('xoxb-123')).not.toBe(a);
    expect(a).not.toContain('xoxb');
  });

  it('refuses a tampered text, another secret, and another purpose', () => {
    const box = createSecretBox(secret);
    const sealed = box.seal('xoxb-123');
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(() => box.open(raw.toString('base64url'))).toThrow();
    expect(() => createSecretBox(Buffer.alloc(32, 6)).open(sealed)).toThrow();
    // The identity vault's seal uses a key of its own: a sealed sender is no stored secret.
    expect(() => box.open(createIdentityVault(secret).seal('slack:T1:U1'))).toThrow();
  });

  it('needs a secret of at least 32 bytes', () => {
    expect(() => createSecretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => createIdentityVault(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
