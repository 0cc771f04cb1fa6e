import { catalog, type Locale } from '../../../src/i18n/index.ts';
import { ACCENT } from './icons.ts';

export const MANIFEST_VERSION = '1.30';
export const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;
export const ENGLISH_FILE = 'en.json';

export interface ManifestInput {
  /** The Azure Bot's Microsoft App ID (MicrosoftAppId). */
  botId: string;
  /** The Teams app's own id; the bot id unless the operator keeps them apart. */
  appId: string;
  version: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

type CommandKey = 'cmdInnspill' | 'cmdPoll' | 'cmdMine' | 'cmdSlett' | 'cmdProfil' | 'cmdHjelp';

/** The commands as each language types them; the bot understands both spellings everywhere. */
const COMMANDS: Record<Locale, Record<CommandKey, string>> = {
  nb: { cmdInnspill: 'innspill', cmdPoll: 'poll', cmdMine: 'mine', cmdSlett: 'slett', cmdProfil: 'profil', cmdHjelp: 'hjelp' },
  en: { cmdInnspill: 'innspill', cmdPoll: 'poll', cmdMine: 'mine', cmdSlett: 'delete', cmdProfil: 'profile', cmdHjelp: 'help' },
};
const PERSONAL: CommandKey[] = ['cmdInnspill', 'cmdPoll', 'cmdMine', 'cmdProfil', 'cmdSlett', 'cmdHjelp'];
/** Channels and group chats: personal data (mine, profile, delete) is answered only in a 1:1 chat. */
const SHARED: CommandKey[] = ['cmdInnspill', 'cmdPoll', 'cmdHjelp'];

function commands(locale: Locale, keys: CommandKey[]) {
  const t = catalog(locale).teams;
  return keys.map((key) => ({ title: COMMANDS[locale][key], description: t[key] }));
}

/** The Teams app manifest (schema v1.30), in Norwegian Bokmål with an English localization file. */
export function buildManifest(input: ManifestInput): Record<string, unknown> {
  const t = catalog('nb').teams;
  return {
    $schema: SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: input.version,
    id: input.appId,
    developer: { name: input.developerName, websiteUrl: input.websiteUrl, privacyUrl: input.privacyUrl, termsOfUseUrl: input.termsOfUseUrl },
    name: { short: t.appShortName, full: t.appFullName },
    description: { short: t.appShortDescription, full: t.appFullDescription },
    icons: { color: ICON_FILES.color, outline: ICON_FILES.outline },
    accentColor: ACCENT,
    localizationInfo: { defaultLanguageTag: 'nb-no', additionalLanguages: [{ languageTag: 'en', file: ENGLISH_FILE }] },
    bots: [
      {
        botId: input.botId,
        scopes: ['personal', 'team', 'groupChat'],
        isNotificationOnly: false,
        supportsFiles: false,
        commandLists: [
          { scopes: ['personal'], commands: commands('nb', PERSONAL) },
          { scopes: ['team', 'groupChat'], commands: commands('nb', SHARED) },
        ],
      },
    ],
    validDomains: [],
  };
}

/** The English strings, keyed by their place in the manifest as Teams localization files are. */
export function buildEnglishLocalization(): Record<string, string> {
  const t = catalog('en').teams;
  const out: Record<string, string> = {
    $schema: LOCALIZATION_SCHEMA_URL,
    'name.short': t.appShortName,
    'name.full': t.appFullName,
    'description.short': t.appShortDescription,
    'description.full': t.appFullDescription,
  };
  [PERSONAL, SHARED].forEach((keys, list) =>
    commands('en', keys).forEach((command, i) => {
      out[`bots[0].commandLists[${list}].commands[${i}].title`] = command.title;
      out[`bots[0].commandLists[${list}].commands[${i}].description`] = command.description;
    }),
  );
  return out;
}
