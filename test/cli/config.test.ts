import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../adapters/cli/config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000, databasePath: './data/innspill.db', defaultLocale: 'nb', digestCron: '0 8 * * 1', digestTimeZone: 'Europe/Oslo', slack: null,
      teams: { appId: null },
    });
  });

  it('takes the mandate’s topics unless told otherwise', () => {
    expect(loadConfig({}).topics).toEqual(['framework', 'growth', 'attraction', 'place', 'organisation', 'financing', 'other']);
    expect(loadConfig({ TOPICS: 'place, kultur,other' }).topics).toEqual(['place', 'kultur', 'other']);
    expect(problems({ TOPICS: 'Place Making' })[0]).toMatch(/^TOPICS\.0: expected a comma-separated list of topic keys/);
  });

  it('lets the operator keep polls to members', () => {
    expect(loadConfig({}).participantPolls).toBe(true);
    expect(loadConfig({ PARTICIPANT_POLLS: 'false' }).participantPolls).toBe(false);
    expect(problems({ PARTICIPANT_POLLS: 'no' })).toEqual(['PARTICIPANT_POLLS: expected true or false (got "no")']);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', SLACK_APP_TOKEN: '' }).port).toBe(3000);
  });

  it('reports every problem at once, naming each variable', () => {
    const list = problems({ PORT: 'abc', DEFAULT_LOCALE: 'sv', DIGEST_CRON: 'every monday', DIGEST_TIMEZONE: 'Europe/Osl', SLACK_CLIENT_ID: 'x' });
    expect(list).toEqual([
      'PORT: expected a whole number from 0 to 65535 (got "abc")',
      'DEFAULT_LOCALE: expected one of nb, en (got "sv")',
      'DIGEST_CRON: expected a cron expression such as "0 8 * * 1" (got "every monday")',
      'DIGEST_TIMEZONE: expected an IANA time zone such as Europe/Oslo (got "Europe/Osl")',
      'SLACK_CLIENT_SECRET: OAuth needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together',
      'SLACK_STATE_SECRET: OAuth needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together',
    ]);
  });

  it('takes DIGEST_CRON with five fields, or six when the first names one second', () => {
    expect(loadConfig({ DIGEST_CRON: '30 0 8 * * 1' }).digestCron).toBe('30 0 8 * * 1');
    expect(loadConfig({ DIGEST_CRON: '0 8 * * 1-5' }).digestCron).toBe('0 8 * * 1-5');
    for (const cron of ['*/5 0 8 * * 1', '0,30 0 8 * * 1', '* 0 8 * * 1']) {
      expect(problems({ DIGEST_CRON: cron })).toEqual([`DIGEST_CRON: expected a leading seconds field to name one second from 0 to 59, such as "30 0 8 * * 1" (got "${cron}")`]);
    }
    expect(problems({ DIGEST_CRON: '60 0 8 * * 1' })).toEqual(['DIGEST_CRON: expected a cron expression such as "0 8 * * 1" (got "60 0 8 * * 1")']);
  });

  it.each([['70000'], ['-1'], ['3000.5'], [' 80']])('refuses PORT=%j', (port) => {
    expect(problems({ PORT: port })[0]).toMatch(/^PORT: /);
  });

  it('never echoes a secret', () => {
    const list = problems({ SLACK_BOT_TOKEN: 'xoxp-secret-value', SLACK_SIGNING_SECRET: 's' });
    expect(list.join('\n')).toContain('SLACK_BOT_TOKEN');
    expect(list.join('\n')).not.toContain('secret-value');
  });

  it('knows the Slack modes', () => {
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).slack).toMatchObject({ auth: { mode: 'single', botToken: 'xoxb-1' }, apiUrl: 'https://slack.com/api/' });
    expect(
      loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'a-long-state-secret', SLACK_API_URL: 'http://127.0.0.1:9/api' }).slack,
    ).toMatchObject({ auth: { mode: 'oauth' }, apiUrl: 'http://127.0.0.1:9/api/' });
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: required/)]);
    expect(loadConfig({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1' }).slack?.appToken).toBe('xapp-1');
  });

  it('reads digest channels, whose Teams conversation ids hold colons', () => {
    expect(loadConfig({ DIGEST_CHANNELS: 'slack:T1:C1, teams:tenant:19:abc@thread.tacv2', DIGEST_EMPTY: 'skip' })).toMatchObject({
      digestChannels: [
        { platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
        { platform: 'teams', workspaceId: 'tenant', channelId: '19:abc@thread.tacv2' },
      ],
      emptyDigest: 'skip',
    });
    expect(problems({ DIGEST_CHANNELS: 'general', DIGEST_EMPTY: 'never' })).toEqual([
      expect.stringMatching(/^DIGEST_CHANNELS\.0: expected a comma-separated list of slack:<team_id>:<channel_id>/),
      'DIGEST_EMPTY: expected note or skip (got "never")',
    ]);
  });

  it('knows the Teams settings', () => {
    expect(problems({ MicrosoftAppId: 'app' })).toEqual(['MicrosoftAppPassword: required with MicrosoftAppId']);
    expect(problems({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' })).toEqual([
      'MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant',
    ]);
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p' }).teams).toEqual({ appId: 'app', appPassword: 'p', appType: 'MultiTenant', tenantId: null });
  });

  it('reads the privacy, publishing and public-page settings', () => {
    expect(loadConfig({})).toMatchObject({ minGroupSize: 5, retentionDays: 30, replyWindowDays: 180, publishMode: 'review', publicPage: true, publishDir: null, teamsLocal: false, projectMembersPublic: [] });
    expect(loadConfig({ PROJECT_MEMBERS_PUBLIC: 'Kari Nordmann (leder); Ola Hansen', PUBLIC_PAGE: 'off', TEAMS_LOCAL: '1' })).toMatchObject({
      projectMembersPublic: [{ name: 'Kari Nordmann', role: 'leder' }, { name: 'Ola Hansen', role: null }],
      publicPage: false,
      teamsLocal: true,
    });
    expect(problems({ MIN_GROUP_SIZE: '2', PUBLISH_MODE: 'later', RETENTION_DAYS: 'x' })).toEqual([
      'MIN_GROUP_SIZE: expected a whole number from 3 to 1000 (got "2")',
      'RETENTION_DAYS: expected a whole number from 1 to 3650 (got "x")',
      'PUBLISH_MODE: expected review or immediate (got "later")',
    ]);
  });
});
