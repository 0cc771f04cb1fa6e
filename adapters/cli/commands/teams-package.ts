import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../program.ts';
import { VERSION } from '../version.ts';

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

function guid(value: string): string {
  if (!GUID.test(value)) throw new InvalidArgumentError('expected a GUID such as 00000000-0000-0000-0000-000000000000');
  return value;
}

function httpUrl(value: string): string {
  if (!/^https?:\/\/\S+$/i.test(value)) throw new InvalidArgumentError('expected an http(s) URL');
  return value;
}

interface Options {
  out: string;
  botId?: string;
  appId?: string;
  developer: string;
  websiteUrl: string;
  privacyUrl?: string;
  termsUrl?: string;
}

export function registerTeamsPackage(program: Command, ctx: CliContext): void {
  program
    .command('teams-package')
    .description('build the Teams app package (manifest in Norwegian and English, icons), zipped for upload to Teams')
    .option('--out <file>', 'where to write the zip', 'innspill-teams.zip')
    .option('--bot-id <guid>', 'the bot’s Microsoft App ID (default: MicrosoftAppId)', guid)
    .option('--app-id <guid>', 'the Teams app id (default: the bot id)', guid)
    .option('--developer <name>', 'publisher name shown in Teams (at most 32 characters)', 'Innspill')
    .option('--website-url <url>', 'the publisher’s web page', httpUrl, 'https://www.io.kommune.no')
    .option('--privacy-url <url>', 'privacy statement (default: the website)', httpUrl)
    .option('--terms-url <url>', 'terms of use (default: the website)', httpUrl)
    .action(async (opts: Options) => {
      const botId = opts.botId ?? ctx.config().teams.appId;
      if (!botId) {
        throw new Error('teams-package needs the bot’s Microsoft App ID: set MicrosoftAppId (in the environment or .env) or pass --bot-id <guid>');
      }
      if (!GUID.test(botId)) throw new Error(`MicrosoftAppId must be a GUID to go in the Teams manifest (got "${botId}")`);
      if (opts.developer.length > 32) throw new InvalidArgumentError('--developer: at most 32 characters');
      const { buildTeamsPackage } = await import('../../teams/package/zip.ts');
      const zip = await buildTeamsPackage({
        botId,
        appId: opts.appId ?? botId,
        version: VERSION,
        developerName: opts.developer,
        websiteUrl: opts.websiteUrl,
        privacyUrl: opts.privacyUrl ?? opts.websiteUrl,
        termsOfUseUrl: opts.termsUrl ?? opts.websiteUrl,
      });
      writeFileSync(opts.out, zip);
      ctx.stderr.write(`wrote the Teams app package for bot ${botId} to ${opts.out} (${zip.length} bytes); upload it in Teams under Apps → Manage your apps\n`);
    });
}
