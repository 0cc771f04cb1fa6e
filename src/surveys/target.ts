import { AREAS, INDUSTRIES, SIZE_BANDS, type Profile } from '../domain/participant.ts';

/** Who a survey goes to: everyone, or the participants whose profile names one area, industry or size band. */
export type SurveyTarget = { kind: 'everyone' } | { kind: 'area' | 'industry' | 'size'; key: string };

const LISTS = { area: AREAS, industry: INDUSTRIES, size: SIZE_BANDS } as const;

export function parseTarget(text: string): { ok: true; target: SurveyTarget } | { ok: false; message: string } {
  const value = text.trim().toLowerCase();
  if (value === 'everyone' || value === 'alle') return { ok: true, target: { kind: 'everyone' } };
  const [kind, key] = value.split(':', 2) as [string, string | undefined];
  if (kind === 'area' || kind === 'industry' || kind === 'size') {
    const list: readonly string[] = LISTS[kind];
    if (key && list.includes(key)) return { ok: true, target: { kind, key } };
    return { ok: false, message: `${kind} must be one of ${list.join(', ')}` };
  }
  return { ok: false, message: 'expected everyone, area:<key>, industry:<key> or size:<band>' };
}

export function formatTarget(target: SurveyTarget): string {
  return target.kind === 'everyone' ? 'everyone' : `${target.kind}:${target.key}`;
}

export function inTarget(target: SurveyTarget, profile: Profile | null): boolean {
  switch (target.kind) {
    case 'everyone':
      return true;
    case 'area':
      return profile?.area === target.key;
    case 'industry':
      return profile?.industry === target.key;
    case 'size':
      return profile?.sizeBand === target.key;
  }
}
