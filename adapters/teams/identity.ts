import type { Activity } from '@microsoft/agents-activity';
import { actorFrom, participantIdSchema, type Actor } from '../../src/domain/participant.ts';
import { resolveLocale, type Locale } from '../../src/i18n/index.ts';

/** The tenant an activity comes from: Teams puts it on the conversation and in channelData. */
export function tenantOf(activity: Activity): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/** The activity's locale (`nb-NO`, `en-US` …), else the client's, resolved to one Innspill speaks. */
export function localeOf(activity: Activity, fallback: Locale): Locale {
  const clientInfo = (activity.entities ?? []).find((e) => e.type === 'clientInfo') as { locale?: string } | undefined;
  return resolveLocale(activity.locale ?? clientInfo?.locale, fallback);
}

/**
 * Who sent the activity: `teams:<tenant_id>:<aad_object_id>`. Local tools (Emulator, Playground) may
 * omit the tenant and AAD id; in anonymous mode they become a local tenant and the channel user id.
 */
export function actorOf(activity: Activity, locale: Locale, anonymous: boolean): Actor | null {
  let workspaceId = tenantOf(activity);
  let userId = activity.from?.aadObjectId;
  if (anonymous) {
    workspaceId ??= 'local';
    userId ??= activity.from?.id?.replace(/[^A-Za-z0-9._@-]/g, '-').slice(0, 128);
  }
  if (!workspaceId || !userId) return null;
  const parsed = participantIdSchema.safeParse(`teams:${workspaceId}:${userId}`);
  return parsed.success ? actorFrom(parsed.data, locale) : null;
}

/** Channel threads carry `;messageid=…`; the channel itself is what polls and references are kept for. */
export function baseConversationId(id: string): string {
  return id.split(';')[0]!;
}
