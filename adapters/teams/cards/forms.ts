import { AREAS, INDUSTRIES, SIZE_BANDS, type Profile } from '../../../src/domain/participant.ts';
import { POLL_OPTION_MAX, POLL_QUESTION_MAX } from '../../../src/domain/poll.ts';
import { SUGGESTION_MAX_LENGTH } from '../../../src/domain/suggestion.ts';
import { catalog, label as listLabel, type Locale } from '../../../src/i18n/index.ts';
import { adaptiveCard, choiceSet, execute, label, plain, problem, run, toggle, type AdaptiveCard, type Element } from './elements.ts';

export const VERBS = {
  suggest: 'suggestion.submit',
  profile: 'profile.save',
  createPoll: 'poll.create',
  vote: 'poll.vote',
  close: 'poll.close',
  reopen: 'poll.reopen',
  refresh: 'poll.refresh',
  deleteConfirm: 'delete.confirm',
  deleteCancel: 'delete.cancel',
  /** From a digest: open the form to answer a suggestion's sender, send it, see a topic's whole list, page through it. */
  digestReply: 'digest.reply',
  digestReplySend: 'digest.reply.send',
  digestSeeAll: 'digest.seeAll',
  digestPage: 'digest.page',
  /** From a digest's "needs you": close a poll that closes soon anyway. */
  digestClosePoll: 'digest.closePoll',
} as const;

/** The label a person sees for a form input, to name it in a validation message. */
export function inputLabel(locale: Locale, id: string): string {
  const { forms: f, teams: t } = catalog(locale);
  const labels: Record<string, string> = {
    topic: f.topic,
    text: f.text,
    anonymous: f.anonymous,
    publishable: f.publishable,
    companyName: f.company,
    area: f.area,
    industry: f.industry,
    sizeBand: f.size,
    question: f.question,
    options: f.pollOptions,
    multiple: f.multiple,
    hidden: f.hiddenResults,
    everyone: f.everyone,
    closesDate: t.closesDate,
    closesTime: t.closesTime,
  };
  return labels[id] ?? id;
}

/** The form's heading, and the problem with the last submission if there was one. */
function top(title: string, error?: string): Element[] {
  return [label(title, { heading: true }), ...(error ? [problem(error)] : [])];
}

export interface SuggestionFormValues {
  topic?: string | undefined;
  text?: string | undefined;
  anonymous?: boolean | undefined;
  publishable?: boolean | undefined;
}

export function suggestionForm(locale: Locale, topics: readonly string[], values: SuggestionFormValues = {}, error?: string): AdaptiveCard {
  const f = catalog(locale).forms;
  return adaptiveCard(
    [
      ...top(f.suggestionTitle, error),
      choiceSet('topic', f.topic, topics.map((t) => ({ title: listLabel(locale, 'topics', t), value: t })), values.topic ?? 'other'),
      {
        type: 'Input.Text',
        id: 'text',
        label: f.text,
        placeholder: f.textPlaceholder,
        isMultiline: true,
        isRequired: true,
        errorMessage: f.required,
        maxLength: SUGGESTION_MAX_LENGTH,
        ...(values.text ? { value: values.text } : {}),
      },
      toggle('anonymous', f.anonymous, values.anonymous ?? false),
      label(f.anonymousHint, { subtle: true }),
      toggle('publishable', f.publishable, values.publishable ?? false),
      label(f.publishableHint, { subtle: true }),
    ],
    [execute(f.submit, VERBS.suggest, {}, 'positive')],
  );
}

export function profileForm(locale: Locale, profile: Profile | null, error?: string): AdaptiveCard {
  const f = catalog(locale).forms;
  const options = (list: 'areas' | 'industries' | 'sizes', keys: readonly string[]) => keys.map((k) => ({ title: listLabel(locale, list, k), value: k }));
  return adaptiveCard(
    [
      ...top(f.profileTitle, error),
      { type: 'Input.Text', id: 'companyName', label: f.company, maxLength: 120, ...(profile?.companyName ? { value: profile.companyName } : {}) },
      choiceSet('area', f.area, options('areas', AREAS), profile?.area, f.choose),
      choiceSet('industry', f.industry, options('industries', INDUSTRIES), profile?.industry, f.choose),
      choiceSet('sizeBand', f.size, options('sizes', SIZE_BANDS), profile?.sizeBand, f.choose),
    ],
    [execute(f.save, VERBS.profile, {}, 'positive')],
  );
}

export interface PollFormValues {
  question?: string | undefined;
  options?: string | undefined;
  multiple?: boolean | undefined;
  anonymous?: boolean | undefined;
  hidden?: boolean | undefined;
  everyone?: boolean | undefined;
  closesDate?: string | undefined;
  closesTime?: string | undefined;
}

export function pollForm(locale: Locale, values: PollFormValues = {}, error?: string): AdaptiveCard {
  const { forms: f, teams: t } = catalog(locale);
  return adaptiveCard(
    [
      ...top(f.pollTitle, error),
      { type: 'Input.Text', id: 'question', label: f.question, isRequired: true, errorMessage: f.required, maxLength: POLL_QUESTION_MAX, ...(values.question ? { value: values.question } : {}) },
      {
        type: 'Input.Text',
        id: 'options',
        label: f.pollOptions,
        isMultiline: true,
        isRequired: true,
        errorMessage: f.required,
        // Ten options at the longest plus line breaks.
        maxLength: 10 * (POLL_OPTION_MAX + 1),
        ...(values.options ? { value: values.options } : {}),
      },
      label(f.pollSettings, { heading: true }),
      toggle('multiple', f.multiple, values.multiple ?? false),
      toggle('anonymous', f.anonymousVotes, values.anonymous ?? false),
      toggle('hidden', f.hiddenResults, values.hidden ?? false),
      toggle('everyone', f.everyone, values.everyone ?? false),
      { type: 'Input.Date', id: 'closesDate', label: t.closesDate, ...(values.closesDate ? { value: values.closesDate } : {}) },
      { type: 'Input.Time', id: 'closesTime', label: t.closesTime, ...(values.closesTime ? { value: values.closesTime } : {}) },
    ],
    [execute(f.create, VERBS.createPoll, {}, 'positive')],
  );
}

export function deleteConfirmation(locale: Locale): AdaptiveCard {
  const m = catalog(locale).messages;
  return adaptiveCard([label(m.deleteConfirmQuestion)], [execute(m.deleteConfirmButton, VERBS.deleteConfirm, {}, 'destructive'), execute(m.deleteCancelButton, VERBS.deleteCancel)]);
}

/** What a form turns into once it has done its job: a plain confirmation (which may quote user text). */
export function doneCard(text: string): AdaptiveCard {
  return adaptiveCard([plain([run(text)])]);
}
