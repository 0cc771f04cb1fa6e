import type { Locale } from '../i18n/locale.ts';
import type { IdentityVault } from '../privacy/vault.ts';
import type { Store } from '../ports/store.ts';

export interface CoreSettings {
  topics: readonly string[];
  defaultLocale: Locale;
  /** Where wall-clock times (poll closing, digest periods) are read. */
  timeZone: string;
  participantPolls: boolean;
}

/** What every use case is given: ports, a clock tests can set, and settings. */
export interface CoreDeps {
  store: Store;
  vault: IdentityVault;
  clock: () => Date;
  settings: CoreSettings;
}
