import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Activity } from '@microsoft/agents-activity';
import { describe, expect, it } from 'vitest';
import { createReferenceBook } from '../../adapters/teams/references.ts';
import { openSqliteStore } from '../../storage/index.ts';
import { fakeClock } from '../helpers/core.ts';
import { useTmpDir } from '../helpers/tmp.ts';

const click = (serviceUrl: string) =>
  Activity.fromObject({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `act-${Math.random()}`,
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:aad-kari', aadObjectId: 'aad-kari' },
    recipient: { id: '28:bot-app' },
    conversation: { conversationType: 'channel', isGroup: true, id: '19:channel-1@thread.tacv2;messageid=171', tenantId: 'tenant-1' },
  });

/** A click writes nothing but its vote: the reference it carries is written only when new or changed. */
describe('conversation references', () => {
  const tmp = useTmpDir();

  it('are written when new or changed, and left alone when the same one comes again', async () => {
    const path = join(tmp(), 'refs.db');
    const store = openSqliteStore(path);
    const clock = fakeClock('2026-11-23T09:00:00Z');
    const book = createReferenceBook(store.platformState, clock);
    const target = { kind: 'conversation' as const, tenantId: 'tenant-1', conversationId: '19:channel-1@thread.tacv2' };
    const written = () => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare("SELECT json_extract(value, '$.serviceUrl') AS url, updated_at AS at FROM platform_state WHERE namespace = 'teams.conversation'").all();
      } finally {
        db.close();
      }
    };
    try {
      await book.remember(click('https://smba.trafficmanager.net/emea/'), target);
      const first = clock().getTime();
      clock.advance(60_000);
      await book.remember(click('https://smba.trafficmanager.net/emea/'), target);
      expect(written()).toEqual([{ url: 'https://smba.trafficmanager.net/emea/', at: first }]);

      clock.advance(60_000);
      await book.remember(click('https://smba.trafficmanager.net/amer/'), target);
      expect(written()).toEqual([{ url: 'https://smba.trafficmanager.net/amer/', at: clock().getTime() }]);
      expect((await book.find(target))?.serviceUrl).toBe('https://smba.trafficmanager.net/amer/');
    } finally {
      store.close();
    }
  });
});
