import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, HANDLED_COMMANDS, HANDLED_EVENTS } from '../../adapters/slack/index.ts';

const root = join(import.meta.dirname, '..', '..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const manifest = json('manifest.json');

const REMOTE = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';

describe('manifest.json', () => {
  it('validates against Slack’s manifest schema (local copies of the published files)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(json('test/fixtures/schemas/manifest.schema.1.0.0.json'), `${REMOTE}manifest.schema.1.0.0.json`);
    ajv.addSchema(json('test/fixtures/schemas/manifest.schema.2.0.0.json'), `${REMOTE}manifest.schema.2.0.0.json`);
    const validate = ajv.compile(json('test/fixtures/schemas/manifest.schema.json'));
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a broken manifest, so the schema check is not blind', () => {
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    const v1 = ajv.compile(json('test/fixtures/schemas/manifest.schema.1.0.0.json'));
    expect(v1({ ...manifest, display_information: { name: '' } })).toBe(false);
    expect(v1({ ...manifest, features: { ...manifest.features, slash_commands: [{ command: 'innspill' }] } })).toBe(false);
  });

  it('declares exactly the commands, events and scopes the adapter handles, all at /slack/events', () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c: { command: string }) => c.command).sort()).toEqual([...HANDLED_COMMANDS].sort());
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([...HANDLED_EVENTS].sort());
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([...BOT_SCOPES].sort());
    for (const c of commands) {
      expect(c.usage_hint).toBeTruthy();
      expect(new URL(c.url).pathname).toBe('/slack/events');
    }
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe('/slack/events');
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe('/slack/events');
    expect(new URL(manifest.oauth_config.redirect_urls[0]).pathname).toBe('/slack/oauth_redirect');
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });
});
