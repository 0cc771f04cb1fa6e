import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { AuthConfiguration } from '@microsoft/agents-hosting';

/** The Teams part of our validated configuration (adapters/cli/config.ts), never read from process.env here. */
export interface TeamsAuthSettings {
  appId: string | null;
  appPassword: string | null;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string | null;
}

/** Where tokens are checked against; only sovereign clouds and tests change the public cloud's defaults. */
export interface AuthorityOverrides {
  /** Entra authority, e.g. https://login.microsoftonline.us; keys are read from `{authority}/{tenant}/discovery/v2.0/keys`. */
  authorityEndpoint?: string;
  /** Accepted token issuers (`iss`), replacing the SDK's defaults for the tenant. */
  issuers?: string[];
}

const CONNECTION = 'serviceConnection';

/**
 * The SDK's configuration, built only from our settings. Every key is written out, even when unset,
 * because the SDK spreads settings it found in the environment underneath ours.
 */
export function buildAuthConfiguration(settings: TeamsAuthSettings, overrides: AuthorityOverrides = {}): AuthConfiguration {
  const connection: AuthConfiguration = {
    clientId: settings.appId ?? undefined,
    clientSecret: settings.appType === 'UserAssignedMSI' ? undefined : (settings.appPassword ?? undefined),
    tenantId: settings.appType === 'SingleTenant' ? (settings.tenantId ?? undefined) : undefined,
    authType: settings.appType === 'UserAssignedMSI' ? 'UserManagedIdentity' : settings.appId ? 'ClientSecret' : undefined,
    authorityEndpoint: overrides.authorityEndpoint,
    issuers: overrides.issuers,
    // A signature-valid token from an issuer we do not trust is refused, not just logged.
    validateIssuer: true,
    certPemFile: undefined,
    certKeyFile: undefined,
    federatedClientId: undefined,
    connectionName: undefined,
    scopes: undefined,
  };
  return {
    ...connection,
    connections: new Map([[CONNECTION, connection]]),
    connectionsMap: [{ serviceUrl: '*', connection: CONNECTION }],
  };
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses (how a dual-stack socket reports them). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

export function fromLoopback(req: IncomingMessage): boolean {
  return isLoopback(req.socket.remoteAddress);
}

/**
 * A proxy on the same host (how Slack and Teams usually get their HTTPS URL) makes every caller look
 * like loopback; the headers it adds are what give it away.
 */
export function throughProxy(req: IncomingMessage): boolean {
  return req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
}
