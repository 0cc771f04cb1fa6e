import type { Actor } from '../../src/domain/participant.ts';
import { catalog } from '../../src/i18n/index.ts';
import type { Innspill } from '../../src/innspill.ts';
import type { Answer } from '../../src/surveys/answers.ts';
import { textIn, type Question } from '../../src/surveys/definition.ts';

/**
 * Surveys in the terminal playground: `/undersøkelser` (`/surveys`) lists the open ones sent to you,
 * `/svar <nr>` (`/answer`) goes through one question by question, saving each answer at once (so a
 * response left half-way is kept) and showing what was answered before; Enter keeps it. The chat
 * words (`/innspill stopp`, `/innspill undersøkelse …`) work as in Slack and Teams.
 */
export function surveyConsole(core: Innspill, actor: Actor, io: { say(text: string): void; ask(question: string): Promise<string | null> }) {
  const s = catalog(actor.locale).surveys;
  const fallback = core.settings.defaultLocale;
  const t = (text: Parameters<typeof textIn>[0]) => textIn(text, actor.locale, fallback);

  function shown(q: Question, answer: Answer | undefined): string {
    if (answer === undefined) return '';
    if (q.type === 'single' || q.type === 'multiple') {
      const keys = Array.isArray(answer) ? answer : [answer];
      return keys.map((k) => q.options.findIndex((o) => o.key === k) + 1).join(',');
    }
    return String(answer);
  }

  /** The typed line as an answer: option numbers for choices, 1–5 for a scale, else the text. */
  function read(q: Question, line: string): Answer {
    if (q.type === 'single' || q.type === 'multiple') {
      const keys = line.split(/[,\s]+/).filter(Boolean).map((n) => q.options[Number(n) - 1]?.key ?? `#${n}`);
      return q.type === 'single' ? keys[0]! : keys;
    }
    if (q.type === 'scale') return /^\d+$/.test(line) ? Number(line) : line;
    return line;
  }

  async function answer(id: number): Promise<void> {
    const current = await core.surveys.forAnswering(actor, id);
    const { definition } = current.survey;
    const answers = { ...current.answers };
    io.say(t(definition.title));
    io.say(t(definition.intro));
    for (const [i, q] of definition.questions.entries()) {
      io.say(s.answerPrompt({ number: i + 1, count: definition.questions.length, text: `${t(q.text)}${q.required ? '' : ` ${s.optional}`}` }));
      if (q.type === 'single' || q.type === 'multiple') q.options.forEach((o, n) => io.say(`  ${n + 1}. ${t(o.text)}`));
      if (q.type === 'scale') io.say(`  ${s.scaleHint({ low: t(q.labels.low), high: t(q.labels.high) })}`);
      if (q.type === 'multiple' && q.max) io.say(`  ${s.chooseMax({ max: q.max })}`);
      const hint = q.type === 'single' || q.type === 'multiple' ? s.consoleChoose : q.type === 'scale' ? s.consoleScale : s.consoleText;
      for (;;) {
        const before = shown(q, answers[q.id]);
        const line = await io.ask(`${hint}${before ? ` [${before}]` : ''} >`);
        if (line === null) return;
        if (line === '' && answers[q.id] !== undefined) break;
        const saved = await core.surveys.save(actor, id, line === '' ? {} : { [q.id]: read(q, line) }, { only: [q.id], finish: false });
        if (saved.ok) {
          Object.assign(answers, saved.answers);
          break;
        }
        for (const issue of saved.issues) io.say(s.problems[issue.problem]({ limit: issue.limit ?? 0 }));
      }
    }
    const done = await core.surveys.save(actor, id, {}, { only: [], finish: true });
    io.say(done.ok ? s.thanks : s.savedPartly);
  }

  /** Handles the line if it is about surveys; false leaves it to the playground. */
  return async function handle(line: string): Promise<boolean> {
    const [word, arg, more] = line.trim().split(/\s+/, 3) as [string, string | undefined, string | undefined];
    const lower = word.toLowerCase();
    if (lower === '/undersøkelser' || lower === '/surveys') {
      const open = await core.surveys.openFor(actor);
      if (!open.length) io.say(s.noneOpen);
      for (const o of open) io.say(`#${o.survey.id} ${t(o.survey.definition.title)}${o.complete ? ' ✓' : ''}  (/svar ${o.survey.id})`);
      return true;
    }
    // `/svar <nr> <text>` is a sender's answer to the project group (the follow-up loop), not a survey.
    if ((lower === '/svar' || lower === '/answer') && more === undefined) {
      const open = arg ? null : await core.surveys.openFor(actor);
      const id = arg ? Number(arg.replace('#', '')) : open![0]?.survey.id;
      if (!id || !Number.isSafeInteger(id)) io.say(s.noneOpen);
      else await answer(id);
      return true;
    }
    if (lower === '/innspill' && arg) {
      const reply = await core.surveys.chat(actor, line.trim().slice(word.length));
      if (typeof reply === 'string') {
        io.say(reply);
        return true;
      }
    }
    return false;
  };
}
