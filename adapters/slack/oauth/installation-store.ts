import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { PlatformStateStore } from '../../../src/ports/store.ts';

export const INSTALLATION_NAMESPACE = 'slack.installation';

/** Org-wide installs are keyed by enterprise, all others by workspace, as Bolt looks them up. */
export function installationKey(query: { isEnterpriseInstall?: boolean; enterpriseId?: string | undefined; teamId?: string | undefined }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  throw new Error('installation query names neither a workspace nor an enterprise');
}

/** Bolt's installation store on the platform state port, so installations live in the app's database. */
export function createInstallationStore(state: PlatformStateStore, clock: () => Date): InstallationStore {
  return {
    async storeInstallation(installation) {
      const key = installationKey({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await state.put(INSTALLATION_NAMESPACE, key, installation, clock());
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await state.get<Installation<'v1' | 'v2', boolean>>(INSTALLATION_NAMESPACE, installationKey(query));
      if (!found) throw new Error(`no installation for ${installationKey(query)}`);
      return found;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await state.delete(INSTALLATION_NAMESPACE, installationKey(query));
    },
  };
}
