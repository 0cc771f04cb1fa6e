import type { Answers } from '../../../src/surveys/answers.ts';
import type { StoredResponse, SurveyStore } from '../../../src/ports/surveys.ts';
import { segmentFromRow, toMs, type SegmentColumns } from '../../repositories/rows.ts';
import { toSend, toSurvey, type SendRow, type SurveyRow } from '../../repositories/surveys.ts';
import type { Conn, Db } from '../pool.ts';
import { enqueue } from './outbox.ts';
import { toSuggestion, type SuggestionRow } from '../../repositories/suggestions.ts';

type ResponseRow = SegmentColumns & { answers: string; complete: number; updated_at: number };

async function storedResponse(c: Conn, surveyId: number, respondentKey: string): Promise<StoredResponse | null> {
  const [row] = await c.query<ResponseRow>('SELECT * FROM survey_responses WHERE survey_id = $1 AND respondent_key = $2', [surveyId, respondentKey]);
  return row ? { answers: JSON.parse(row.answers) as Answers, complete: row.complete === 1, updatedAt: new Date(row.updated_at) } : null;
}

const surveyIds = async (c: Conn) => (await c.query<{ id: number }>('SELECT id FROM surveys ORDER BY id')).map((r) => r.id);

export function createPgSurveyStore(db: Db): SurveyStore {
  const byId = async (id: number) => (await db.query<SurveyRow>('SELECT * FROM surveys WHERE id = $1', [id]))[0];
  return {
    create: async (definition, creatorId, now) =>
      toSurvey((await db.query<SurveyRow>('INSERT INTO surveys (definition, creator_id, created_at) VALUES ($1, $2, $3) RETURNING *', [JSON.stringify(definition), creatorId, now.getTime()]))[0]!),
    async get(id) {
      const row = await byId(id);
      return row ? toSurvey(row) : null;
    },
    list: async () => (await db.query<SurveyRow>('SELECT * FROM surveys ORDER BY id')).map(toSurvey),
    send: (s, messages) =>
      db.tx(async (c) => {
        const [row] = await c.query<SendRow>(
          'INSERT INTO survey_sends (survey_id, target, starts_at, closes_at, remind_at, recipients, created_at) VALUES ($1, $2, $3, $4, $5, 0, $6) RETURNING *',
          [s.surveyId, JSON.stringify(s.target), s.startsAt.getTime(), toMs(s.closesAt), JSON.stringify(s.remindAt.map((d) => d.getTime())), s.createdAt.getTime()],
        );
        // A later send to another group without its own closing time keeps the survey's.
        await c.run('UPDATE surveys SET closes_at = coalesce($1, closes_at) WHERE id = $2', [toMs(s.closesAt), s.surveyId]);
        // Someone an earlier send reached is queued nothing new and not counted again (see SQLite's).
        let recipients = 0;
        for (const { at, ...m } of messages) {
          const queued = (await enqueue(c, [m], at)).length > 0;
          if (queued && m.payload.type === 'survey' && !m.payload.reminder) recipients += 1;
        }
        await c.run('UPDATE survey_sends SET recipients = $1 WHERE id = $2', [recipients, row!.id]);
        return toSend({ ...row!, recipients });
      }),
    sends: async (surveyId) => (await db.query<SendRow>('SELECT * FROM survey_sends WHERE survey_id = $1 ORDER BY id', [surveyId])).map(toSend),
    async close(id, now) {
      await db.run('UPDATE surveys SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL', [now.getTime(), id]);
      const row = await byId(id);
      return row ? toSurvey(row) : null;
    },
    response: (surveyId, respondentKey) => storedResponse(db, surveyId, respondentKey),
    // The response and its free-text items in the follow-up loop, in one transaction (see SQLite's).
    saveResponse: (r) =>
      db.tx(async (c) => {
        await c.run(
          `INSERT INTO survey_responses (survey_id, respondent_key, answers, complete, area, industry, size_band, updated_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
           ON CONFLICT (survey_id, respondent_key) DO UPDATE SET answers = excluded.answers, complete = excluded.complete,
             area = excluded.area, industry = excluded.industry, size_band = excluded.size_band, updated_at = excluded.updated_at`,
          [r.surveyId, r.respondentKey, JSON.stringify(r.answers), r.complete ? 1 : 0, r.segment.area, r.segment.industry, r.segment.sizeBand, r.now.getTime()],
        );
        const wanted = new Map(r.texts.map((t) => [t.questionId, t]));
        const held = await c.query<{ id: number; question_id: string; text: string }>('SELECT id, question_id, text FROM suggestions WHERE survey_id = $1 AND sender_key = $2', [
          r.surveyId,
          r.respondentKey,
        ]);
        for (const row of held) {
          const t = wanted.get(row.question_id);
          wanted.delete(row.question_id);
          if (!t) await c.run('DELETE FROM suggestions WHERE id = $1', [row.id]);
          // A changed answer is another text: it waits for a member's look again, and a proposed topic is proposed anew.
          else if (t.text !== row.text)
            await c.run('UPDATE suggestions SET text = $1, approved_at = NULL, topic = CASE WHEN topic_proposed = 1 THEN $2 ELSE topic END WHERE id = $3', [t.text, t.topic, row.id]);
        }
        for (const t of wanted.values()) {
          await c.run(
            `INSERT INTO suggestions (workspace_key, sender_key, topic, text, anonymous, publishable, created_at, topic_proposed, survey_id, question_id)
             VALUES ($1, $2, $3, $4, 1, 1, $5, 1, $6, $7)`,
            [r.workspaceKey, r.respondentKey, t.topic, t.text, r.now.getTime(), r.surveyId, t.questionId],
          );
        }
      }),
    newResponses: async (surveyId, period) =>
      (
        await db.query<{ n: number }>('SELECT count(*) AS n FROM survey_responses WHERE survey_id = $1 AND created_at >= $2 AND created_at < $3', [
          surveyId,
          period.start.getTime(),
          period.end.getTime(),
        ])
      )[0]!.n,
    textAnswers: async (surveyId) => (await db.query<SuggestionRow>('SELECT * FROM suggestions WHERE survey_id = $1 ORDER BY created_at, id', [surveyId])).map(toSuggestion),
    responses: async (surveyId) =>
      (await db.query<ResponseRow>('SELECT answers, complete, area, industry, size_band FROM survey_responses WHERE survey_id = $1', [surveyId])).map((r) => ({
        answers: JSON.parse(r.answers) as Answers,
        complete: r.complete === 1,
        segment: segmentFromRow(r),
      })),
    async setOptOut(key, off, now) {
      if (off) await db.run('INSERT INTO survey_optouts (person_key, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [key, now.getTime()]);
      else await db.run('DELETE FROM survey_optouts WHERE person_key = $1', [key]);
    },
    isOptedOut: async (key) => (await db.query('SELECT 1 FROM survey_optouts WHERE person_key = $1', [key])).length > 0,
    forgetRespondent: (keyFor, optOutKey) =>
      db.tx(async (c) => {
        await c.run('DELETE FROM survey_optouts WHERE person_key = $1', [optOutKey]);
        let n = 0;
        for (const id of await surveyIds(c)) {
          await c.run('DELETE FROM suggestions WHERE survey_id = $1 AND sender_key = $2', [id, keyFor(id)]);
          n += await c.run('DELETE FROM survey_responses WHERE survey_id = $1 AND respondent_key = $2', [id, keyFor(id)]);
        }
        return n;
      }),
    async responsesOf(keyFor) {
      const found = [];
      for (const id of await surveyIds(db)) {
        const r = await storedResponse(db, id, keyFor(id));
        if (r) found.push({ ...r, surveyId: id });
      }
      return found;
    },
  };
}
