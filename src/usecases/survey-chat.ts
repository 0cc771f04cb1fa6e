import { InnspillError, isInnspillError } from '../errors.ts';
import type { Actor } from '../domain/participant.ts';
import { catalog, describeError } from '../i18n/index.ts';
import { textIn } from '../surveys/definition.ts';
import { parseTarget } from '../surveys/target.ts';
import type { CoreDeps } from './context.ts';
import { closeSurvey, listSurveys, sendSurvey, setSurveyMessages } from './surveys.ts';

/**
 * The survey words in chat, the same on every platform: `stopp`/`stop` and `start` (any participant:
 * survey messages off or on), and `undersøkelse`/`survey` `liste|list`, `send <nr> [target]`,
 * `steng|close <nr>` (members). Returns the answer, or null when the text is no survey command,
 * so the adapter goes on to read it as a suggestion or another command; false when `firstDelivery`
 * says the platform delivered this one before (it was answered then).
 */
const SURVEY_WORDS = new Set(['undersøkelse', 'undersokelse', 'survey']);
const LIST = new Set(['liste', 'list']);
const SEND = new Set(['send']);
const CLOSE = new Set(['steng', 'close']);

export async function surveyChatCommand(
  deps: CoreDeps,
  actor: Actor,
  text: string,
  /** For a platform that redelivers (Slack events): false when this delivery was seen before. */
  firstDelivery?: () => Promise<boolean>,
): Promise<string | null | false> {
  const all = text.trim().split(/\s+/).filter(Boolean);
  // Teams and the console take the command word typed out: `innspill stopp`.
  const words = ['innspill', '/innspill'].includes(all[0]?.toLowerCase() ?? '') ? all.slice(1) : all;
  const first = words[0]?.toLowerCase() ?? '';
  const s = catalog(actor.locale).surveys;
  const isStop = words.length === 1 && (first === 'stopp' || first === 'stop' || first === 'start');
  if (!isStop && !SURVEY_WORDS.has(first)) return null;
  if (firstDelivery && !(await firstDelivery())) return false;
  if (isStop) {
    await setSurveyMessages(deps, actor, first === 'start');
    return first === 'start' ? s.started : s.stopped;
  }
  const verb = words[1]?.toLowerCase() ?? '';
  const id = words[2] && /^#?\d{1,12}$/.test(words[2]) ? Number(words[2].replace('#', '')) : null;
  try {
    if (!(await deps.store.members.isMember(actor.id))) return describeError(actor.locale, new InnspillError('not_allowed'));
    if (LIST.has(verb) && words.length === 2) {
      const all = await listSurveys(deps);
      if (!all.length) return s.noneOpen;
      const lines = all.map((o) =>
        s.listLine({
          id: o.survey.id,
          title: textIn(o.survey.definition.title, actor.locale, deps.settings.defaultLocale),
          status: s.status[o.status],
          responses: o.responses,
        }),
      );
      return [s.listHeader, ...lines].join('\n');
    }
    if (SEND.has(verb) && id !== null && words.length <= 4) {
      const target = parseTarget(words[3] ?? 'everyone');
      if (!target.ok) return s.badTarget({ message: target.message });
      const { send } = await sendSurvey(deps, actor, id, { target: target.target });
      return s.sent({ id, count: send.recipients });
    }
    if (CLOSE.has(verb) && id !== null && words.length === 3) {
      await closeSurvey(deps, actor, id);
      return s.closed({ id });
    }
    return s.usage;
  } catch (error) {
    if (!isInnspillError(error)) throw error;
    return describeError(actor.locale, error);
  }
}
