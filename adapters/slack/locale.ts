import type { Logger } from 'pino';
import { resolveLocale, type Locale } from '../../src/i18n/index.ts';
import type { ClientPool, TokenSource } from './api/clients.ts';

const TTL_MS = 24 * 3600 * 1000;
const FAILURE_TTL_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 50_000;
/** users.info is Tier 4 (about 100 a minute): background lookups beyond this many at once wait for the next request. */
const MAX_PENDING = 8;

export interface LocaleCache {
  /** The cached locale, or the default while `users.info` is asked in the background. Never waits. */
  localeOf(teamId: string, userId: string): Locale;
  /** The cached locale or the default, without asking Slack: for clicks, which can come by the thousand. */
  cachedLocale(teamId: string, userId: string): Locale;
  /** The locale once known: for background work that may wait, such as App Home. */
  fetchLocale(teamId: string, userId: string): Promise<Locale>;
  /** Starts from what the database holds; each entry is used at once and refreshed from Slack on its next request. */
  remember(entries: { workspaceId: string; userId: string; locale: Locale }[]): void;
}

/**
 * People's Slack locales, remembered for a day in memory. A request never waits on `users.info`:
 * the first message from someone is answered in the default language if their locale is not yet
 * known, and the lookup runs beside it. Button clicks use what is known and ask nothing, so a poll
 * with thousands of voters does not become thousands of lookups.
 */
export function createLocaleCache(deps: {
  clients: ClientPool;
  tokens: TokenSource;
  defaultLocale: Locale;
  logger: Logger;
  now?: () => number;
}): LocaleCache {
  const now = deps.now ?? Date.now;
  const known = new Map<string, { locale: Locale; until: number }>();
  const pending = new Map<string, Promise<Locale>>();

  const lookup = async (teamId: string, userId: string): Promise<Locale> => {
    const token = await deps.tokens.botToken(teamId);
    if (!token) return deps.defaultLocale;
    const result = await deps.clients.forTeam(teamId, token).users.info({ user: userId, include_locale: true });
    return resolveLocale(result.user?.locale, deps.defaultLocale);
  };

  const fetchLocale = (teamId: string, userId: string): Promise<Locale> => {
    const key = `${teamId}:${userId}`;
    const hit = known.get(key);
    if (hit && hit.until > now()) return Promise.resolve(hit.locale);
    let running = pending.get(key);
    if (!running) {
      running = lookup(teamId, userId)
        .then((locale) => {
          if (known.size >= MAX_ENTRIES) known.delete(known.keys().next().value!);
          known.set(key, { locale, until: now() + TTL_MS });
          return locale;
        })
        .catch((error: unknown) => {
          deps.logger.warn({ err: error, teamId }, 'users.info failed; using the default locale');
          // Remembered briefly, so a Web API outage does not turn every request into another lookup.
          known.set(key, { locale: deps.defaultLocale, until: now() + FAILURE_TTL_MS });
          return deps.defaultLocale;
        })
        .finally(() => pending.delete(key));
      pending.set(key, running);
    }
    return running;
  };

  const cachedLocale = (teamId: string, userId: string) => known.get(`${teamId}:${userId}`)?.locale ?? deps.defaultLocale;

  return {
    localeOf(teamId, userId) {
      const hit = known.get(`${teamId}:${userId}`);
      if (hit && hit.until > now()) return hit.locale;
      if (pending.size < MAX_PENDING) void fetchLocale(teamId, userId);
      return cachedLocale(teamId, userId);
    },
    cachedLocale,
    fetchLocale,
    remember(entries) {
      for (const e of entries.slice(0, MAX_ENTRIES)) {
        const key = `${e.workspaceId}:${e.userId}`;
        if (!known.has(key)) known.set(key, { locale: e.locale, until: 0 });
      }
    },
  };
}
