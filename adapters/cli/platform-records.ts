import type { PlatformRecords } from '../../src/usecases/context.ts';
import { DM_NAMESPACE } from '../slack/dm-channels.ts';
import { REFERENCE_NAMESPACE, referenceKey } from '../teams/references.ts';

/**
 * What the Slack and Teams adapters keep about a person (the DM channel; the 1:1 conversation
 * reference and where they were last seen), so erasure removes it, and which of their records are
 * only needed for days, so retention prunes them.
 */
export const platformRecords: PlatformRecords = {
  personal(ref) {
    if (ref.platform === 'slack') return [{ namespace: DM_NAMESPACE, key: `${ref.workspaceId}:${ref.userId}` }];
    if (ref.platform === 'teams') {
      return (['user', 'member'] as const).map((kind) => ({ namespace: REFERENCE_NAMESPACE, key: referenceKey({ kind, tenantId: ref.workspaceId, userId: ref.userId }) }));
    }
    return [];
  },
  shortLived: [],
};
