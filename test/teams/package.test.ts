import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage } from '../../adapters/teams/package/zip.ts';
import { runCli } from '../helpers/cli.ts';
import { pngInfo, unzip } from './unzip.ts';

const BOT = '11111111-2222-3333-4444-555555555555';
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/schemas/MicrosoftTeams.schema.json'), 'utf8'));

function validate(manifest: unknown) {
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const check = ajv.compile(schema);
  return { ok: check(manifest), errors: check.errors ?? [] };
}

/** Alpha and colour of every pixel of a PNG with no filters (as ours are written). */
function pixels(png: Buffer): { rgba: Buffer; width: number } {
  const { width } = pngInfo(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString('ascii') === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows: Buffer[] = [];
  for (let y = 0; y * (width * 4 + 1) < raw.length; y += 1) rows.push(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)));
  return { rgba: Buffer.concat(rows), width };
}

describe('Teams app package', () => {
  const input = { botId: BOT, appId: BOT, version: '0.1.0', developerName: 'Innspill', websiteUrl: 'https://example.no', privacyUrl: 'https://example.no/personvern', termsOfUseUrl: 'https://example.no/vilkar' };

  it('holds a manifest that validates against the v1.30 schema, with Norwegian texts and the commands', async () => {
    const files = unzip(await buildTeamsPackage(input));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files['manifest.json']!.toString('utf8'));
    const result = validate(manifest);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.bots[0].botId).toBe(BOT);
    expect(manifest.description.short).toContain('avstemninger');
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(['innspill', 'poll', 'mine', 'profil', 'slett', 'hjelp']);
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'nb-no', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }] });
  });

  it('carries English strings for every name, description and command', async () => {
    const files = unzip(await buildTeamsPackage(input));
    const manifest = JSON.parse(files['manifest.json']!.toString('utf8'));
    const english = JSON.parse(files['en.json']!.toString('utf8'));
    expect(english['description.short']).toContain('polls');
    manifest.bots[0].commandLists.forEach((list: { commands: unknown[] }, l: number) =>
      list.commands.forEach((_c, i) => {
        expect(english[`bots[0].commandLists[${l}].commands[${i}].title`]).toBeTruthy();
        expect(english[`bots[0].commandLists[${l}].commands[${i}].description`]).toBeTruthy();
      }),
    );
    expect(english['bots[0].commandLists[0].commands[5].title']).toBe('help');
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', async () => {
    const files = unzip(await buildTeamsPackage(input));
    expect(pngInfo(files['color.png']!)).toEqual({ width: 192, height: 192, bitDepth: 8, colourType: 6 });
    expect(pngInfo(files['outline.png']!)).toEqual({ width: 32, height: 32, bitDepth: 8, colourType: 6 });
    const color = pixels(files['color.png']!).rgba;
    for (let i = 3; i < color.length; i += 4) expect(color[i]).toBe(255);
    const outline = pixels(files['outline.png']!).rgba;
    let transparent = 0;
    for (let i = 0; i < outline.length; i += 4) {
      if (outline[i + 3] === 0) transparent += 1;
      else expect([outline[i], outline[i + 1], outline[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
  });

  it('rejects a manifest the schema would refuse (the validator is not blind)', () => {
    expect(validate({ manifestVersion: '1.30', id: 'not-a-guid' }).ok).toBe(false);
  });

  it('is built by `innspill teams-package`, which needs a bot id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-teams-'));
    const out = join(dir, 'app.zip');
    const missing = await runCli(['teams-package', '--out', out], { env: { DATABASE_PATH: join(dir, 'db.sqlite') } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('MicrosoftAppId');
    const badId = await runCli(['teams-package', '--bot-id', 'nope'], { env: { DATABASE_PATH: join(dir, 'db.sqlite') } });
    expect(badId.code).toBe(2);
    const made = await runCli(['teams-package', '--out', out], { env: { MicrosoftAppId: BOT, MicrosoftAppPassword: 'secret', DATABASE_PATH: join(dir, 'db.sqlite') } });
    expect(made.stderr).toContain(out);
    expect(made.code).toBe(0);
    const manifest = JSON.parse(unzip(readFileSync(out))['manifest.json']!.toString('utf8'));
    expect(manifest.bots[0].botId).toBe(BOT);
    expect(validate(manifest).ok).toBe(true);
  });
});
