import type { Database } from 'better-sqlite3';
import type { Answers } from '../../src/surveys/answers.ts';
import type { SurveyDefinition } from '../../src/surveys/definition.ts';
import type { SurveyTarget } from '../../src/surveys/target.ts';
import type { StoredResponse, Survey, SurveySend, SurveyStore } from '../../src/ports/surveys.ts';
import { fromMs, segmentFromRow, toMs, type SegmentColumns } from './rows.ts';
import { outboxInserter } from './outbox.ts';
import { toSuggestion, type SuggestionRow } from './suggestions.ts';

export interface SurveyRow {
  id: number;
  definition: string;
  creator_id: string;
  created_at: number;
  closes_at: number | null;
  closed_at: number | null;
}

export interface SendRow {
  id: number;
  survey_id: number;
  target: string;
  starts_at: number;
  closes_at: number | null;
  remind_at: string;
  recipients: number;
  created_at: number;
}

interface ResponseRow extends SegmentColumns {
  answers: string;
  complete: number;
  updated_at: number;
}

export const toSurvey = (row: SurveyRow): Survey => ({
  id: row.id,
  definition: JSON.parse(row.definition) as SurveyDefinition,
  creatorId: row.creator_id,
  createdAt: new Date(row.created_at),
  closesAt: fromMs(row.closes_at),
  closedAt: fromMs(row.closed_at),
});

export const toSend = (row: SendRow): SurveySend => ({
  id: row.id,
  surveyId: row.survey_id,
  target: JSON.parse(row.target) as SurveyTarget,
  startsAt: new Date(row.starts_at),
  closesAt: fromMs(row.closes_at),
  remindAt: (JSON.parse(row.remind_at) as number[]).map((ms) => new Date(ms)),
  recipients: row.recipients,
  createdAt: new Date(row.created_at),
});

export function createSurveyStore(db: Database): SurveyStore {
  const insert = db.prepare<[string, string, number], SurveyRow>('INSERT INTO surveys (definition, creator_id, created_at) VALUES (?, ?, ?) RETURNING *');
  const byId = db.prepare<[number], SurveyRow>('SELECT * FROM surveys WHERE id = ?');
  const all = db.prepare<[], SurveyRow>('SELECT * FROM surveys ORDER BY id');
  const insertSend = db.prepare<[number, string, number, number | null, string, number, number], SendRow>(
    `INSERT INTO survey_sends (survey_id, target, starts_at, closes_at, remind_at, recipients, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  // A later send to another group without its own closing time keeps the survey's.
  const setCloses = db.prepare<[number | null, number]>('UPDATE surveys SET closes_at = coalesce(?, closes_at) WHERE id = ?');
  const sendsOf = db.prepare<[number], SendRow>('SELECT * FROM survey_sends WHERE survey_id = ? ORDER BY id');
  const close = db.prepare<[number, number]>('UPDATE surveys SET closed_at = ? WHERE id = ? AND closed_at IS NULL');
  const responseOf = db.prepare<[number, string], ResponseRow>('SELECT * FROM survey_responses WHERE survey_id = ? AND respondent_key = ?');
  const upsert = db.prepare(
    `INSERT INTO survey_responses (survey_id, respondent_key, answers, complete, area, industry, size_band, updated_at, created_at)
     VALUES (@surveyId, @respondentKey, @answers, @complete, @area, @industry, @sizeBand, @now, @now)
     ON CONFLICT (survey_id, respondent_key) DO UPDATE SET answers = excluded.answers, complete = excluded.complete,
       area = excluded.area, industry = excluded.industry, size_band = excluded.size_band, updated_at = excluded.updated_at`,
  );
  // Only what results need, as arrays rather than objects: a survey's results read every response.
  const responsesOf = db
    .prepare<[number], [string, number, string | null, string | null, string | null]>('SELECT answers, complete, area, industry, size_band FROM survey_responses WHERE survey_id = ?')
    .raw(true);
  const optOut = db.prepare<[string, number]>('INSERT INTO survey_optouts (person_key, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const optIn = db.prepare<[string]>('DELETE FROM survey_optouts WHERE person_key = ?');
  const optedOut = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM survey_optouts WHERE person_key = ?');
  const forgetResponses = db.prepare<[string]>('DELETE FROM survey_responses WHERE respondent_key = ?');
  const forgetTexts = db.prepare<[number, string]>('DELETE FROM suggestions WHERE survey_id = ? AND sender_key = ?');
  const begun = db.prepare<[number, number, number], { n: number }>('SELECT count(*) AS n FROM survey_responses WHERE survey_id = ? AND created_at >= ? AND created_at < ?');
  const textItems = db.prepare<[number], SuggestionRow>('SELECT * FROM suggestions WHERE survey_id = ? ORDER BY created_at, id');
  const textsOf = db.prepare<[number, string], { id: number; question_id: string; text: string; topic_proposed: number }>(
    'SELECT id, question_id, text, topic_proposed FROM suggestions WHERE survey_id = ? AND sender_key = ?',
  );
  const insertText = db.prepare(
    `INSERT INTO suggestions (workspace_key, sender_key, topic, text, anonymous, publishable, created_at, topic_proposed, survey_id, question_id)
     VALUES (@workspaceKey, @senderKey, @topic, @text, 1, 1, @now, 1, @surveyId, @questionId)`,
  );
  // A changed answer is another text: it waits for a member's look again, and a proposed topic is proposed anew.
  const changeText = db.prepare<{ id: number; text: string; topic: string }>(
    'UPDATE suggestions SET text = @text, approved_at = NULL, topic = CASE WHEN topic_proposed = 1 THEN @topic ELSE topic END WHERE id = @id',
  );
  const dropText = db.prepare<[number]>('DELETE FROM suggestions WHERE id = ?');
  const saveResponse = db.transaction((r: Parameters<SurveyStore['saveResponse']>[0]) => {
    upsert.run({
      surveyId: r.surveyId,
      respondentKey: r.respondentKey,
      answers: JSON.stringify(r.answers),
      complete: r.complete ? 1 : 0,
      ...r.segment,
      now: r.now.getTime(),
    });
    const wanted = new Map(r.texts.map((t) => [t.questionId, t]));
    for (const row of textsOf.all(r.surveyId, r.respondentKey)) {
      const t = wanted.get(row.question_id);
      wanted.delete(row.question_id);
      if (!t) dropText.run(row.id);
      else if (t.text !== row.text) changeText.run({ id: row.id, text: t.text, topic: t.topic });
    }
    for (const t of wanted.values()) {
      insertText.run({ workspaceKey: r.workspaceKey, senderKey: r.respondentKey, topic: t.topic, text: t.text, now: r.now.getTime(), surveyId: r.surveyId, questionId: t.questionId });
    }
  });

  const enqueue = outboxInserter(db);
  const updateRecipients = db.prepare<[number, number]>('UPDATE survey_sends SET recipients = ? WHERE id = ?');
  const send = db.transaction((s: Omit<SurveySend, 'recipients' | 'id'>, messages: Parameters<SurveyStore['send']>[1]) => {
    const row = insertSend.get(
      s.surveyId,
      JSON.stringify(s.target),
      s.startsAt.getTime(),
      toMs(s.closesAt),
      JSON.stringify(s.remindAt.map((d) => d.getTime())),
      0,
      s.createdAt.getTime(),
    )!;
    setCloses.run(toMs(s.closesAt), s.surveyId);
    // Queued for its moment: the outbox sends nothing before `next_attempt_at`. Someone an earlier
    // send reached is queued nothing new and is not counted again for the response rate.
    let recipients = 0;
    for (const { at, ...m } of messages) {
      const queued = enqueue([m], at).length > 0;
      if (queued && m.payload.type === 'survey' && !m.payload.reminder) recipients += 1;
    }
    updateRecipients.run(recipients, row.id);
    return toSend({ ...row, recipients });
  });
  const surveyIds = db.prepare<[], { id: number }>('SELECT id FROM surveys');
  const storedResponse = (surveyId: number, respondentKey: string): StoredResponse | null => {
    const row = responseOf.get(surveyId, respondentKey);
    return row ? { answers: JSON.parse(row.answers) as Answers, complete: row.complete === 1, updatedAt: new Date(row.updated_at) } : null;
  };
  const forget = db.transaction((keyFor: (surveyId: number) => string, optOutKey: string) => {
    optIn.run(optOutKey);
    return surveyIds.all().reduce((n, { id }) => {
      forgetTexts.run(id, keyFor(id));
      return n + forgetResponses.run(keyFor(id)).changes;
    }, 0);
  });

  return {
    create: async (definition, creatorId, now) => toSurvey(insert.get(JSON.stringify(definition), creatorId, now.getTime())!),
    async get(id) {
      const row = byId.get(id);
      return row ? toSurvey(row) : null;
    },
    list: async () => all.all().map(toSurvey),
    send: async (s, messages) => send.immediate(s, messages),
    sends: async (surveyId) => sendsOf.all(surveyId).map(toSend),
    async close(id, now) {
      close.run(now.getTime(), id);
      const row = byId.get(id);
      return row ? toSurvey(row) : null;
    },
    response: async (surveyId, respondentKey) => storedResponse(surveyId, respondentKey),
    saveResponse: async (r) => saveResponse.immediate(r),
    newResponses: async (surveyId, period) => begun.get(surveyId, period.start.getTime(), period.end.getTime())!.n,
    textAnswers: async (surveyId) => textItems.all(surveyId).map(toSuggestion),
    responses: async (surveyId) =>
      responsesOf.all(surveyId).map(([answers, complete, area, industry, size_band]) => ({
        answers: JSON.parse(answers) as Answers,
        complete: complete === 1,
        segment: segmentFromRow({ area, industry, size_band }),
      })),
    async setOptOut(key, off, now) {
      if (off) optOut.run(key, now.getTime());
      else optIn.run(key);
    },
    isOptedOut: async (key) => optedOut.get(key) !== undefined,
    forgetRespondent: async (keyFor, optOutKey) => forget.immediate(keyFor, optOutKey),
    responsesOf: async (keyFor) =>
      surveyIds.all().flatMap(({ id }) => {
        const r = storedResponse(id, keyFor(id));
        return r ? [{ ...r, surveyId: id }] : [];
      }),
  };
}
