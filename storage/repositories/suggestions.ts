import type { Database } from 'better-sqlite3';
import type { Suggestion, SuggestionStatus } from '../../src/domain/suggestion.ts';
import type { NewSuggestion, SuggestionStore } from '../../src/ports/store.ts';
import { fromMs, segmentFromRow, type SegmentColumns } from './rows.ts';
import type { Progress } from '../../src/domain/follow-up.ts';
import { outboxInserter } from './outbox.ts';
import { activityRecorder } from './activity.ts';

export interface SuggestionRow extends SegmentColumns {
  id: number;
  workspace_key: string;
  sender_id: string | null;
  sealed_sender: string | null;
  topic: string;
  text: string;
  anonymous: number;
  publishable: number;
  company_name: string | null;
  status: string;
  created_at: number;
  approved_at: number | null;
  progress: string;
  status_note: string | null;
  progress_at: number | null;
  topic_proposed: number;
  survey_id?: number | null;
  question_id?: string | null;
}

export function toSuggestion(row: SuggestionRow): Suggestion {
  return {
    id: row.id,
    workspaceKey: row.workspace_key,
    topic: row.topic,
    text: row.text,
    anonymous: row.anonymous === 1,
    publishable: row.publishable === 1,
    createdAt: new Date(row.created_at),
    segment: segmentFromRow(row),
    companyName: row.company_name,
    status: row.status as SuggestionStatus,
    senderId: row.sender_id,
    approvedAt: fromMs(row.approved_at),
    progress: row.progress as Progress,
    statusNote: row.status_note,
    progressAt: fromMs(row.progress_at),
    topicProposed: row.topic_proposed === 1,
    ...(row.survey_id != null ? { survey: { id: row.survey_id, questionId: row.question_id! } } : {}),
  };
}

export function createSuggestionStore(db: Database): SuggestionStore {
  const insert = db.prepare(
    `INSERT INTO suggestions (workspace_key, sender_key, sender_id, sealed_sender, topic, text, anonymous, publishable,
       company_name, area, industry, size_band, created_at, dedupe_key, topic_proposed)
     VALUES (@workspaceKey, @senderKey, @senderId, @sealedSender, @topic, @text, @anonymous, @publishable,
       @companyName, @area, @industry, @sizeBand, @createdAt, @dedupeKey, @topicProposed)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING *`,
  );
  const byDedupe = db.prepare<[string], SuggestionRow>('SELECT * FROM suggestions WHERE dedupe_key = ?');
  const byId = db.prepare<[number], SuggestionRow>('SELECT * FROM suggestions WHERE id = ?');
  const bySenders = db.prepare<[string, number], SuggestionRow>(
    'SELECT * FROM suggestions WHERE sender_key IN (SELECT value FROM json_each(?)) ORDER BY created_at DESC, id DESC LIMIT ?',
  );
  const target = db.prepare<[number], { sender_id: string | null; sealed_sender: string | null; anonymous: number }>(
    'SELECT sender_id, sealed_sender, anonymous FROM suggestions WHERE id = ?',
  );

  const insertReply = db.prepare<[number, string, string, number]>('INSERT INTO replies (suggestion_id, member_id, text, created_at) VALUES (?, ?, ?, ?)');
  const enqueue = outboxInserter(db);
  const queued = db.prepare<[string], { id: number }>('SELECT id FROM outbox WHERE dedupe_key = ?');
  const recordReply = db.transaction((r: Parameters<SuggestionStore['recordReply']>[0], message: Parameters<SuggestionStore['recordReply']>[1]) => {
    // A double click or a redelivered submission queues nothing new.
    const earlier = queued.get(message.dedupeKey);
    if (earlier) return earlier.id;
    insertReply.run(r.suggestionId, r.memberId, r.text, r.now.getTime());
    return enqueue([message], r.now)[0]!;
  });

  const noteActivity = activityRecorder(db);
  const add = db.transaction((s: NewSuggestion): SuggestionRow | undefined => {
    const { activityKey, ...columns } = s;
    const row = insert.get({
      ...columns,
      anonymous: s.anonymous ? 1 : 0,
      publishable: s.publishable ? 1 : 0,
      area: s.segment.area,
      industry: s.segment.industry,
      sizeBand: s.segment.sizeBand,
      createdAt: s.createdAt.getTime(),
      dedupeKey: s.dedupeKey ?? null,
      topicProposed: s.topicProposed ? 1 : 0,
    }) as SuggestionRow | undefined;
    if (row) noteActivity(activityKey, s.segment, s.createdAt);
    return row;
  });

  return {
    recordReply: async (reply, message) => recordReply.immediate(reply, message),
    async add(s: NewSuggestion) {
      const row = add.immediate(s);
      if (row) return { suggestion: toSuggestion(row), duplicate: false };
      return { suggestion: toSuggestion(byDedupe.get(s.dedupeKey!)!), duplicate: true };
    },
    async get(id) {
      const row = byId.get(id);
      return row ? toSuggestion(row) : null;
    },
    async listBySenders(senderKeys, limit) {
      return bySenders.all(JSON.stringify(senderKeys), limit).map(toSuggestion);
    },
    async replyTarget(id) {
      const row = target.get(id);
      return row ? { senderId: row.sender_id, sealedSender: row.sealed_sender, anonymous: row.anonymous === 1 } : null;
    },
  };
}
