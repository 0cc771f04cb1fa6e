import { catalog, type Locale } from '../i18n/index.ts';

/** A project group member as shown to participants (PROJECT_MEMBERS_PUBLIC): a name and an optional role. */
export interface PublicMember {
  name: string;
  role: string | null;
}

/** Who the project group is and that they welcome direct contact: `/innspill kontakt` and the welcome message. */
export function projectGroupText(locale: Locale, members: readonly PublicMember[]): string {
  const f = catalog(locale).followUp;
  if (!members.length) return f.projectGroupUnknown;
  return [f.projectGroupContact, ...members.map((m) => `• ${m.name}${m.role ? ` (${m.role})` : ''}`)].join('\n');
}
