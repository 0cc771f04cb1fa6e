import * as z from 'zod';
import type { Locale } from '../i18n/locale.ts';

export const PLATFORMS = ['slack', 'teams', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The five former municipalities that make up Indre Østfold, plus everyone else. */
export const AREAS = ['askim', 'eidsberg', 'hobol', 'spydeberg', 'trogstad', 'other'] as const;
export type Area = (typeof AREAS)[number];

export const INDUSTRIES = [
  'retail',
  'manufacturing',
  'construction',
  'hospitality',
  'agriculture',
  'services',
  'health',
  'ict',
  'transport',
  'culture',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Size bands by number of employees, as Statistics Norway groups them. */
export const SIZE_BANDS = ['solo', '2-9', '10-49', '50-249', '250+'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** `slack:<team_id>:<user_id>`, `teams:<tenant_id>:<aad_object_id>` or `console:<name>:<name>`. */
export type ParticipantId = string;

export interface ParticipantRef {
  platform: Platform;
  /** Slack team id, Teams tenant id, or the console's local workspace. */
  workspaceId: string;
  userId: string;
}

const idPart = z.string().regex(/^[A-Za-z0-9._@-]{1,128}$/);
/** Built once: every Teams turn parses an id, and building a zod schema costs more than using it. */
const platformPart = z.enum(PLATFORMS);

export const participantIdSchema = z
  .string()
  .transform((raw, ctx): ParticipantRef => {
    const parts = raw.split(':');
    const platform = platformPart.safeParse(parts[0]);
    if (parts.length !== 3 || !platform.success || !idPart.safeParse(parts[1]).success || !idPart.safeParse(parts[2]).success) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected slack:<team_id>:<user_id>, teams:<tenant_id>:<aad_object_id> or console:<workspace>:<user>',
      });
      return z.NEVER;
    }
    return { platform: platform.data, workspaceId: parts[1]!, userId: parts[2]! };
  });

export function formatParticipantId(ref: ParticipantRef): ParticipantId {
  return `${ref.platform}:${ref.workspaceId}:${ref.userId}`;
}

export function parseParticipantId(raw: string): ParticipantRef {
  return participantIdSchema.parse(raw);
}

/** The tenant boundary: one Slack workspace, one Teams tenant, or the console. */
export function workspaceKey(ref: { platform: string; workspaceId: string }): string {
  return `${ref.platform}:${ref.workspaceId}`;
}

/** `workspaceKey` read back: the platform, and the workspace id after it. */
export function parseWorkspaceKey(key: string): { platform: string; workspaceId: string } {
  const at = key.indexOf(':');
  return { platform: key.slice(0, at), workspaceId: key.slice(at + 1) };
}

export const profileSchema = z.object({
  companyName: z.string().trim().min(1).max(120).optional(),
  area: z.enum(AREAS).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  sizeBand: z.enum(SIZE_BANDS).optional(),
});
export type Profile = z.infer<typeof profileSchema>;

/** What a suggestion or vote carries of its sender: never who, only where, what trade and how big. */
export interface Segment {
  area: Area | null;
  industry: Industry | null;
  sizeBand: SizeBand | null;
}

export function segmentOf(profile: Profile | null | undefined): Segment {
  return {
    area: profile?.area ?? null,
    industry: profile?.industry ?? null,
    sizeBand: profile?.sizeBand ?? null,
  };
}

/** Who is acting, as the adapter that received the request knows them. */
export interface Actor extends ParticipantRef {
  id: ParticipantId;
  /** The locale the platform reported, already resolved to one Innspill speaks. */
  locale: Locale;
}

export function actorFrom(ref: ParticipantRef, locale: Locale): Actor {
  return { ...ref, id: formatParticipantId(ref), locale };
}

/** A participant as stored: who they are on their platform and what they told of their company. */
export interface Participant {
  id: ParticipantId;
  platform: Platform;
  workspaceId: string;
  userId: string;
  locale: string | null;
  profile: Profile | null;
  firstSeen: Date;
  lastSeen: Date;
}
