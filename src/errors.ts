/**
 * Every refusal the core makes carries a code and the values its message needs,
 * so each adapter can tell the user why in their own language (see i18n/describe-error.ts).
 */
export type ErrorCode =
  | 'suggestion_empty'
  | 'suggestion_too_long'
  | 'unknown_topic'
  | 'poll_not_found'
  | 'poll_closed'
  | 'poll_bad_option'
  | 'poll_changed'
  | 'poll_other_workspace'
  | 'poll_invalid'
  | 'poll_has_votes'
  | 'poll_syntax'
  | 'not_allowed'
  | 'profile_invalid'
  | 'suggestion_not_found'
  | 'not_reachable'
  | 'unknown_status'
  | 'reason_too_long'
  | 'note_too_long'
  | 'not_sender'
  | 'nobody_to_answer'
  | 'reply_window_passed'
  | 'survey_not_found'
  | 'survey_closed'
  | 'survey_not_for_you'
  | 'survey_invalid';

export class InnspillError extends Error {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'InnspillError';
    this.code = code;
    this.params = params;
  }
}

export function isInnspillError(value: unknown): value is InnspillError {
  return value instanceof InnspillError;
}
