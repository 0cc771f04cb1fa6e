import type { PlatformStateStore } from '../../src/ports/store.ts';
import type { WebClient } from './api/clients.ts';

export const DM_NAMESPACE = 'slack.dm_channel';

/**
 * The channel of each person's chat with the bot, per team and user. `conversations.open` is Tier 3
 * (about 50 a minute), so a poll to everyone or a weekly digest would otherwise spend a minute of it
 * per 50 people every time; with the channel kept, each person costs one call ever. A direct message
 * to the bot tells us its channel for free. The memory map only saves reads and repeated writes;
 * the store is what other processes and restarts see.
 */
export function createDmChannels(state: PlatformStateStore, clock: () => Date) {
  const known = new Map<string, string>();
  const key = (teamId: string, userId: string) => `${teamId}:${userId}`;

  async function remember(teamId: string, userId: string, channel: string): Promise<void> {
    const k = key(teamId, userId);
    if (known.get(k) === channel) return;
    await state.put(DM_NAMESPACE, k, channel, clock());
    known.set(k, channel);
  }

  return {
    remember,
    /** The person's DM channel, opened (and kept) only if not known yet; `cached` says which. */
    async channelOf(client: WebClient, teamId: string, userId: string): Promise<{ channel: string; cached: boolean }> {
      const k = key(teamId, userId);
      const stored = known.get(k) ?? (await state.get<string>(DM_NAMESPACE, k));
      if (stored) {
        known.set(k, stored);
        return { channel: stored, cached: true };
      }
      const opened = await client.conversations.open({ users: userId });
      const channel = opened.channel!.id!;
      await remember(teamId, userId, channel);
      return { channel, cached: false };
    },
    /** A kept channel Slack no longer knows is dropped, so the next try opens it afresh. */
    async forget(teamId: string, userId: string): Promise<void> {
      known.delete(key(teamId, userId));
      await state.delete(DM_NAMESPACE, key(teamId, userId));
    },
    /** An uninstalled workspace's channels go with it. */
    async forgetTeam(teamId: string): Promise<void> {
      for (const k of known.keys()) if (k.startsWith(`${teamId}:`)) known.delete(k);
      await state.deletePrefix(DM_NAMESPACE, `${teamId}:`);
    },
  };
}

export type DmChannels = ReturnType<typeof createDmChannels>;
