import { createRequire } from 'node:module';
import * as z from 'zod';
import { isValidTimeZone } from '../../src/time.ts';
import { LOCALES } from '../../src/i18n/locale.ts';
import { DEFAULT_TOPICS } from '../../src/domain/suggestion.ts';
import type { DigestChannel } from '../../src/usecases/delivery.ts';

/**
 * One variable: the rule for a value that is set, and what it means when unset or empty (people
 * write `SLACK_APP_TOKEN=` in .env files to switch a thing off). The rule is built only when the
 * variable is set: building zod schemas costs more than using them once, and every command reads
 * the configuration (`members list` reads two variables, not forty).
 */
interface Setting<T> {
  rule: () => z.ZodType<T, string>;
  fallback: T;
}
const withDefault = <T>(rule: () => z.ZodType<T, string>, fallback: NoInfer<T>): Setting<T> => ({ rule, fallback });
const optional = <T>(rule: () => z.ZodType<T, string>): Setting<T | undefined> => ({ rule, fallback: undefined });

/**
 * node-cron schedules the digest, so it is the one to ask whether an expression is valid. It takes
 * about 10 ms to load, so it is loaded (synchronously, as the configuration is read) only when
 * DIGEST_CRON is set.
 */
const isValidCron = (v: string) => (createRequire(import.meta.url)('node-cron') as typeof import('node-cron')).validate(v);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const PORT_HINT = 'expected a whole number from 0 to 65535';
const port = () =>
  z
    .string()
    .regex(/^\d{1,5}$/, PORT_HINT)
    .transform(Number)
    .refine((n) => n <= 65535, PORT_HINT);

const url = () => z.string().url('expected a URL such as https://slack.com/api/');

const wholeNumber = (min: number, max: number) => () => {
  const hint = `expected a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,6}$/, hint)
    .transform(Number)
    .refine((n) => n >= min && n <= max, hint);
};
/**
 * A cron expression in node-cron's syntax: five fields, or six with a leading seconds field, which
 * must name one second (`30 0 8 * * 1`) so that a digest never goes out more than once a minute.
 */
const CRON_HINT = 'expected a cron expression such as "0 8 * * 1"';
const oneSecond = (v: string) => {
  const fields = v.trim().split(/\s+/);
  return fields.length !== 6 || (/^\d{1,2}$/.test(fields[0]!) && Number(fields[0]) <= 59);
};
const digestCron = () =>
  z
    .string()
    .refine(isValidCron, { message: CRON_HINT, abort: true })
    .refine(oneSecond, 'expected a leading seconds field to name one second from 0 to 59, such as "30 0 8 * * 1"');

const onOff = () => z.enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'expected on or off' }).transform((v) => v === 'on' || v === 'true' || v === '1');

/** "Kari Nordmann (leder); Ola Hansen": names, each with an optional role in brackets, separated by semicolons. */
export interface PublicMember {
  name: string;
  role: string | null;
}
function parsePublicMembers(value: string): PublicMember[] {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(part);
      return m ? { name: m[1]!.trim(), role: m[2]!.trim() || null } : { name: part, role: null };
    });
}

const settings = {
  PORT: withDefault(port, 3000),
  HOST: withDefault(() => z.string().min(1), '0.0.0.0'),
  DATABASE_PATH: withDefault(() => z.string().min(1), './data/innspill.db'),
  DATABASE_URL: optional(() => z.string().regex(/^postgres(ql)?:\/\/./, 'expected a postgres:// or postgresql:// URL')),
  LOG_LEVEL: withDefault(() => z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }), 'info'),
  DEFAULT_LOCALE: withDefault(() => z.enum(LOCALES, { error: `expected one of ${LOCALES.join(', ')}` }), 'nb'),
  DIGEST_CRON: withDefault(digestCron, '0 8 * * 1'),
  DIGEST_TIMEZONE: withDefault(() => z.string().refine(isValidTimeZone, 'expected an IANA time zone such as Europe/Oslo'), 'Europe/Oslo'),
  DIGEST_CHANNELS: withDefault(
    () =>
      z
        .string()
        .transform((v) => v.split(',').map((c) => c.trim()).filter(Boolean))
        .pipe(z.array(z.string().regex(/^(slack|teams):[^:\s]+:\S+$/, 'expected a comma-separated list of slack:<team_id>:<channel_id> or teams:<tenant_id>:<conversation_id>'))),
    [],
  ),
  DIGEST_EMPTY: withDefault(() => z.enum(['note', 'skip'], { error: 'expected note or skip' }), 'note'),
  TOPICS: withDefault(
    () =>
      z
        .string()
        .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))
        .pipe(
          z
            .array(z.string().regex(/^[\p{Ll}\p{N}_-]{1,40}$/u, 'expected a comma-separated list of topic keys in lower case, such as framework,growth,place,other'))
            .min(1, 'expected at least one topic')
            .max(25, 'expected at most 25 topics (a Slack menu shows no more than 100 options, a form reads best with far fewer)'),
        ),
    [...DEFAULT_TOPICS],
  ),
  PARTICIPANT_POLLS: withDefault(() => z.enum(['true', 'false'], { error: 'expected true or false' }).transform((v) => v === 'true'), true),
  MIN_GROUP_SIZE: withDefault(wholeNumber(3, 1000), 5),
  RETENTION_DAYS: withDefault(wholeNumber(1, 3650), 30),
  REPLY_WINDOW_DAYS: withDefault(wholeNumber(1, 3650), 180),
  PUBLISH_MODE: withDefault(() => z.enum(['review', 'immediate'], { error: 'expected review or immediate' }), 'review'),
  PUBLIC_PAGE: withDefault(onOff, true),
  PUBLISH_DIR: optional(() => z.string().min(1)),
  PUBLIC_TITLE: optional(() => z.string().min(1).max(200, 'expected at most 200 characters')),
  PUBLIC_INTRO: optional(() => z.string().min(1)),
  PROJECT_MEMBERS_PUBLIC: withDefault(
    () =>
      z
        .string()
        .max(4000, 'expected at most 4000 characters')
        .transform(parsePublicMembers)
        .pipe(z.array(z.object({ name: z.string().min(1).max(120, 'expected names of at most 120 characters'), role: z.string().max(120).nullable() })).max(50, 'expected at most 50 names')),
    [],
  ),
  TEAMS_LOCAL: withDefault(onOff, false),
  SLACK_SIGNING_SECRET: optional(() => z.string().min(1)),
  SLACK_BOT_TOKEN: optional(() => z.string().startsWith('xoxb-', 'expected a bot token starting with xoxb-')),
  SLACK_CLIENT_ID: optional(() => z.string().min(1)),
  SLACK_CLIENT_SECRET: optional(() => z.string().min(1)),
  SLACK_STATE_SECRET: optional(() => z.string().min(16, 'expected at least 16 characters')),
  SLACK_APP_TOKEN: optional(() => z.string().startsWith('xapp-', 'expected an app-level token starting with xapp-')),
  SLACK_API_URL: withDefault(url, 'https://slack.com/api/'),
  MicrosoftAppId: optional(() => z.string().min(1)),
  MicrosoftAppPassword: optional(() => z.string().min(1)),
  MicrosoftAppType: withDefault(() => z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']), 'MultiTenant'),
  MicrosoftAppTenantId: optional(() => z.string().min(1)),
};

export type Env = { [K in keyof typeof settings]: (typeof settings)[K]['fallback'] };

/** Each variable that is set, through its rule; every problem reported, named `VARIABLE` (or `VARIABLE.3` inside a list). */
function readSettings(env: Record<string, string | undefined>): { values: Env; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, { rule, fallback }] of Object.entries(settings) as [string, Setting<unknown>][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      values[name] = fallback;
      continue;
    }
    const parsed = rule().safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(...parsed.error.issues.map((i) => `${[name, ...i.path].join('.')}: ${i.message}${describeReceived(env, name)}`));
  }
  return { values: values as Env, problems };
}

/**
 * Rules between variables, checked on the raw values so they are reported together with any
 * single-variable problem rather than after it is fixed.
 */
function crossProblems(raw: Record<string, string | undefined>): string[] {
  const env = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | undefined>;
  const problems: string[] = [];
  const oauthNames = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauthSet = oauthNames.filter((n) => env[n]);
  const oauth = oauthSet.length === oauthNames.length;
  if (oauthSet.length > 0 && !oauth) {
    for (const n of oauthNames) if (!env[n]) problems.push(`${n}: OAuth needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together`);
  }
  if ((env.SLACK_BOT_TOKEN || oauth) && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    problems.push('SLACK_SIGNING_SECRET: required to verify requests from Slack (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if ((env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && !env.SLACK_BOT_TOKEN && oauthSet.length === 0) {
    problems.push('SLACK_BOT_TOKEN: set SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth');
  }
  if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required with MicrosoftAppId');
  }
  if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  return problems;
}


export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /** PostgreSQL instead of SQLite when set; the key file stays beside `databasePath`. */
  databaseUrl: string | null;
  logLevel: Env['LOG_LEVEL'];
  defaultLocale: Env['DEFAULT_LOCALE'];
  digestCron: string;
  digestTimeZone: string;
  digestChannels: DigestChannel[];
  emptyDigest: 'note' | 'skip';
  /** Whether participants, not only members, may start polls in their own channels. */
  participantPolls: boolean;
  /** The topics a suggestion can have; the mandate's by default. Unknown keys are shown as written. */
  topics: string[];
  /** No published cut (digest, export, public page) shows a group smaller than this. */
  minGroupSize: number;
  /** Days that sent outbox rows and rendered digest payloads are kept. */
  retentionDays: number;
  /** Days a member can still reply to an anonymous suggestion's sender (the sealed sender is kept that long). */
  replyWindowDays: number;
  /** `review`: consented suggestions wait for a member's approval; `immediate`: published at once. */
  publishMode: 'review' | 'immediate';
  /** Whether `serve` answers the public site (`/`, `/en`, data, feed, files). */
  publicPage: boolean;
  /** Folder that `serve` rewrites with the static public site after every change. */
  publishDir: string | null;
  publicTitle: string | null;
  /** Markdown file with the public page's introduction. */
  publicIntro: string | null;
  /** The project group as shown to participants and on the public page. */
  projectMembersPublic: PublicMember[];
  /** Anonymous Teams endpoint for the Bot Framework Emulator on loopback (only without MicrosoftAppId). */
  teamsLocal: boolean;
  slack:
    | null
    | {
        signingSecret: string | null;
        apiUrl: string;
        appToken: string | null;
        auth: { mode: 'single'; botToken: string } | { mode: 'oauth'; clientId: string; clientSecret: string; stateSecret: string };
      };
  teams: {
    appId: string | null;
    appPassword: string | null;
    appType: Env['MicrosoftAppType'];
    tenantId: string | null;
  };
}

export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the environment (never mutating it) and reports every problem at once, naming each variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const read = readSettings(env);
  const problems = [...read.problems, ...crossProblems(env)];
  if (problems.length) throw new ConfigError(problems);
  const e = read.values;
  const oauth = e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL ?? null,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    digestCron: e.DIGEST_CRON,
    digestTimeZone: e.DIGEST_TIMEZONE,
    digestChannels: e.DIGEST_CHANNELS.map((c) => {
      const [platform, workspaceId, ...rest] = c.split(':');
      return { platform: platform as DigestChannel['platform'], workspaceId: workspaceId!, channelId: rest.join(':') };
    }),
    emptyDigest: e.DIGEST_EMPTY,
    participantPolls: e.PARTICIPANT_POLLS,
    topics: e.TOPICS,
    minGroupSize: e.MIN_GROUP_SIZE,
    retentionDays: e.RETENTION_DAYS,
    replyWindowDays: e.REPLY_WINDOW_DAYS,
    publishMode: e.PUBLISH_MODE,
    publicPage: e.PUBLIC_PAGE,
    publishDir: e.PUBLISH_DIR ?? null,
    publicTitle: e.PUBLIC_TITLE ?? null,
    publicIntro: e.PUBLIC_INTRO ?? null,
    projectMembersPublic: e.PROJECT_MEMBERS_PUBLIC,
    teamsLocal: e.TEAMS_LOCAL,
    slack:
      e.SLACK_BOT_TOKEN || oauth
        ? {
            signingSecret: e.SLACK_SIGNING_SECRET ?? null,
            apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
            appToken: e.SLACK_APP_TOKEN ?? null,
            auth: oauth
              ? { mode: 'oauth', clientId: e.SLACK_CLIENT_ID!, clientSecret: e.SLACK_CLIENT_SECRET!, stateSecret: e.SLACK_STATE_SECRET! }
              : { mode: 'single', botToken: e.SLACK_BOT_TOKEN! },
          }
        : null,
    teams: {
      appId: e.MicrosoftAppId ?? null,
      appPassword: e.MicrosoftAppPassword ?? null,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId ?? null,
    },
  };
}

const SECRET = /SECRET|TOKEN|PASSWORD|DATABASE_URL/i;

/** Shows what was given, except for secrets, so "PORT: expected a number (got "abc")" helps at once. */
function describeReceived(env: Record<string, string | undefined>, name: string): string {
  const value = env[name];
  if (value === undefined || value === '' || SECRET.test(name)) return '';
  return ` (got "${value.length > 60 ? `${value.slice(0, 60)}…` : value}")`;
}
