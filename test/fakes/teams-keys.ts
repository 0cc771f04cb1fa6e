import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/**
 * A local Entra stand-in: OpenID metadata and a JWKS with one test RSA key, and a signer for Bot
 * Framework tokens. The SDK reads keys from `{authority}/{tenant}/discovery/v2.0/keys` for any issuer
 * other than api.botframework.com, so pointing the adapter's authority here keeps the check real.
 */
export async function startKeyServer() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key-1';
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, string>), kid, use: 'sig', alg: 'RS256' };
  let keyRequests = 0;

  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (path.endsWith('/discovery/v2.0/keys')) {
      keyRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    if (path.endsWith('/.well-known/openid-configuration')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: `${base}/issuer`, jwks_uri: `${base}/botframework.com/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/issuer`;

  return {
    authority: base,
    issuer,
    get keyRequests() {
      return keyRequests;
    },
    /** A token as the Bot Connector sends it; `key` signs with another key (a forgery) under the same kid. */
    sign(claims: { aud: string; serviceurl: string; iss?: string; expiresInSeconds?: number }, key: KeyObject = privateKey): string {
      const now = Math.floor(Date.now() / 1000);
      const exp = now + (claims.expiresInSeconds ?? 3600);
      return jwt.sign({ aud: claims.aud, iss: claims.iss ?? issuer, serviceurl: claims.serviceurl, nbf: Math.min(now, exp) - 60, iat: Math.min(now, exp) - 60, exp }, key, {
        algorithm: 'RS256',
        keyid: kid,
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function otherPrivateKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}
