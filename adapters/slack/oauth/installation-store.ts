import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { SealBox } from '../../../src/privacy/seal.ts';
import type { PlatformStateStore } from '../../../src/ports/store.ts';

export const INSTALLATION_NAMESPACE = 'slack.installation';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;
/** What is stored: the installation, tokens and all, sealed with the key file's secret. */
interface Stored {
  sealed: string;
}

/** Org-wide installs are keyed by enterprise, all others by workspace, as Bolt looks them up. */
export function installationKey(query: { isEnterpriseInstall?: boolean; enterpriseId?: string | undefined; teamId?: string | undefined }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  throw new Error('installation query names neither a workspace nor an enterprise');
}

/**
 * Bolt's installation store on the platform state port, so installations live in the app's
 * database; sealed, so a copy of the database alone gives no one a workspace's bot token. An
 * installation stored in the clear by an earlier version is sealed the first time it is read.
 */
export function createInstallationStore(state: PlatformStateStore, box: SealBox, clock: () => Date): InstallationStore {
  const put = (key: string, installation: AnyInstallation) =>
    state.put(INSTALLATION_NAMESPACE, key, { sealed: box.seal(JSON.stringify(installation)) } satisfies Stored, clock());
  return {
    async storeInstallation(installation) {
      const key = installationKey({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await put(key, installation);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      const found = await state.get<Stored | AnyInstallation>(INSTALLATION_NAMESPACE, key);
      if (!found) throw new Error(`no installation for ${key}`);
      if ('sealed' in found) {
        let opened: string;
        try {
          opened = box.open(found.sealed);
        } catch {
          throw new Error(`the installation for ${key} was sealed with another key file; the workspace must install the app again`);
        }
        return JSON.parse(opened) as AnyInstallation;
      }
      await put(key, found);
      return found;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await state.delete(INSTALLATION_NAMESPACE, installationKey(query));
    },
  };
}
