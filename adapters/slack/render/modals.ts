import { AREAS, INDUSTRIES, SIZE_BANDS, type Profile } from '../../../src/domain/participant.ts';
import { POLL_OPTION_MAX, POLL_QUESTION_MAX } from '../../../src/domain/poll.ts';
import { SUGGESTION_MAX_LENGTH, suggestionRef } from '../../../src/domain/suggestion.ts';
import { REPLY_MAX_LENGTH } from '../../../src/usecases/delivery.ts';
import { catalog, label, type Locale } from '../../../src/i18n/index.ts';
import { escapeMrkdwn, plain, section, LIMITS } from './text.ts';

export const VIEWS = {
  suggestion: 'innspill_suggestion',
  profile: 'innspill_profile',
  poll: 'innspill_poll',
  reply: 'innspill_reply',
} as const;

/** Every input's element has this action id; the block id names the field. */
export const VALUE = 'value';

export interface ModalContext {
  /** Where the command was typed: a new poll is posted there. */
  channelId?: string;
}

const title = (text: string) => plain(text, LIMITS.modalTitle);
type ListName = 'topics' | 'areas' | 'industries' | 'sizes';
const option = (locale: Locale, list: ListName, key: string) => ({ text: plain(label(locale, list, key), LIMITS.optionText), value: key });

function select(locale: Locale, block: string, name: string, list: ListName, keys: readonly string[], initial: string | undefined, optional: boolean) {
  return {
    type: 'input',
    block_id: block,
    optional,
    label: plain(name),
    element: {
      type: 'static_select',
      action_id: VALUE,
      placeholder: plain(catalog(locale).forms.choose),
      options: keys.map((k) => option(locale, list, k)),
      ...(initial ? { initial_option: option(locale, list, initial) } : {}),
    },
  };
}

/** `context` travels in `private_metadata` and comes back with the submission. */
function modal(callbackId: string, heading: string, submit: string, locale: Locale, blocks: unknown[], context: object = {}) {
  return {
    type: 'modal' as const,
    callback_id: callbackId,
    title: title(heading),
    submit: title(submit),
    close: title(catalog(locale).forms.cancel),
    private_metadata: JSON.stringify(context),
    blocks,
  };
}

export function suggestionModal(locale: Locale, topics: readonly string[], context: ModalContext) {
  const f = catalog(locale).forms;
  return modal(VIEWS.suggestion, f.suggestionTitle, f.submit, locale, [
    select(locale, 'topic', f.topic, 'topics', topics, topics.includes('other') ? 'other' : undefined, false),
    {
      type: 'input',
      block_id: 'text',
      label: plain(f.text),
      element: { type: 'plain_text_input', action_id: VALUE, multiline: true, max_length: SUGGESTION_MAX_LENGTH, placeholder: plain(f.textPlaceholder, 150) },
    },
    {
      type: 'input',
      block_id: 'flags',
      optional: true,
      label: plain(f.options),
      element: {
        type: 'checkboxes',
        action_id: VALUE,
        options: [
          { text: plain(f.anonymous), description: plain(f.anonymousHint), value: 'anonymous' },
          { text: plain(f.publishable), description: plain(f.publishableHint), value: 'publishable' },
        ],
      },
    },
  ], context);
}

export function profileModal(locale: Locale, profile: Profile | null) {
  const f = catalog(locale).forms;
  return modal(VIEWS.profile, f.profileTitle, f.save, locale, [
    {
      type: 'input',
      block_id: 'company',
      optional: true,
      label: plain(f.company),
      element: { type: 'plain_text_input', action_id: VALUE, max_length: 120, ...(profile?.companyName ? { initial_value: profile.companyName } : {}) },
    },
    select(locale, 'area', f.area, 'areas', AREAS, profile?.area, true),
    select(locale, 'industry', f.industry, 'industries', INDUSTRIES, profile?.industry, true),
    select(locale, 'size', f.size, 'sizes', SIZE_BANDS, profile?.sizeBand, true),
  ]);
}

export function pollModal(locale: Locale, isMember: boolean, context: ModalContext) {
  const f = catalog(locale).forms;
  const settings = [
    { text: plain(f.multiple), value: 'multiple' },
    { text: plain(f.anonymousVotes), value: 'anonymous' },
    { text: plain(f.hiddenResults), value: 'hidden' },
    ...(isMember ? [{ text: plain(f.everyone), value: 'everyone' }] : []),
  ];
  return modal(VIEWS.poll, f.pollTitle, f.create, locale, [
    { type: 'input', block_id: 'question', label: plain(f.question), element: { type: 'plain_text_input', action_id: VALUE, max_length: POLL_QUESTION_MAX } },
    {
      type: 'input',
      block_id: 'options',
      label: plain(f.pollOptions),
      // Ten options of up to 75 characters, one per line.
      element: { type: 'plain_text_input', action_id: VALUE, multiline: true, max_length: 10 * (POLL_OPTION_MAX + 1) },
    },
    { type: 'input', block_id: 'settings', optional: true, label: plain(f.pollSettings), element: { type: 'checkboxes', action_id: VALUE, options: settings } },
    { type: 'input', block_id: 'closes', optional: true, label: plain(f.closesAt), element: { type: 'datetimepicker', action_id: VALUE } },
  ], context);
}

/** A member's answer to a suggestion's sender; the modal names the suggestion, never who sent it. */
export function replyModal(locale: Locale, suggestionId: number) {
  const s = catalog(locale).slack;
  return modal(VIEWS.reply, s.replyTitle, s.replySend, locale, [
    {
      type: 'input',
      block_id: 'text',
      label: plain(s.replyLabel({ ref: suggestionRef(suggestionId) })),
      hint: plain(s.replyHint),
      element: { type: 'plain_text_input', action_id: VALUE, multiline: true, max_length: REPLY_MAX_LENGTH },
    },
  ], { suggestionId });
}

/** What replaces a submitted modal: the outcome, seen only by the person who sent it. */
export function resultModal(locale: Locale, heading: string, text: string) {
  return {
    type: 'modal' as const,
    title: title(heading),
    close: title(catalog(locale).slack.close),
    blocks: [section(escapeMrkdwn(text))],
  };
}
