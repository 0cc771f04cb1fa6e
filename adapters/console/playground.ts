import { createInterface } from 'node:readline';
import type { Innspill } from '../../src/innspill.ts';
import type { Actor } from '../../src/domain/participant.ts';
import { AREAS, INDUSTRIES, SIZE_BANDS } from '../../src/domain/participant.ts';
import { suggestionRef } from '../../src/domain/suggestion.ts';
import { renderDigestMarkdown } from '../../src/digest/markdown.ts';
import { asksForPollHelp } from '../../src/polls/help.ts';
import { catalog, describeError, label } from '../../src/i18n/index.ts';
import { parseConsoleLine, type ConsoleCommand } from './parse.ts';
import { renderMine, renderPoll } from './render.ts';
import { handleFollowUp } from './follow-up.ts';
import { surveyConsole } from './survey.ts';

export interface PlaygroundIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const CMD = '/innspill';

/**
 * The terminal playground: one person chatting with the bot as a participant, on the same use cases
 * as Slack and Teams. Lines come from a terminal or a pipe, so tests drive it through stdin.
 */
/** `/avbryt` or `/cancel` typed at a form's prompt. */
const CANCEL = /^\/(avbryt|cancel)$/i;

class FormCancelled extends Error {}

export async function runPlayground(core: Innspill, actor: Actor, io: PlaygroundIo): Promise<void> {
  const rl = createInterface({ input: io.input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const say = (text: string) => io.output.write(`${text}\n`);
  /** A form's question; `/avbryt` (or the input ending) abandons the form at any prompt. */
  const ask = async (question: string): Promise<string> => {
    io.output.write(`${question} `);
    const next = await lines.next();
    if (next.done || CANCEL.test(next.value.trim())) throw new FormCancelled();
    return next.value.trim();
  };
  const c = catalog(actor.locale);
  const tz = core.settings.timeZone;
  let lastPoll: number | null = null;

  const choose = async (title: string, keys: readonly string[], list: 'topics' | 'areas' | 'industries' | 'sizes'): Promise<string | undefined> => {
    say(`${title}:`);
    keys.forEach((k, i) => say(`  ${i + 1}. ${label(actor.locale, list, k)}`));
    for (;;) {
      const answer = await ask('>');
      if (answer === '') return undefined;
      const index = /^\d{1,3}$/.test(answer) ? Number(answer) - 1 : -1;
      if (keys[index] !== undefined) return keys[index];
      say(c.playground.pickNumber({ max: keys.length }));
    }
  };
  /** Asks until the answer is yes or no: "kanskje" is neither. */
  const yes = async (question: string): Promise<boolean> => {
    for (;;) {
      const answer = await ask(`${question} ${c.playground.yesNo}`);
      if (/^(j|ja|y|yes)$/i.test(answer)) return true;
      if (/^(n|nei|no)$/i.test(answer)) return false;
      say(c.playground.answerYesNo);
    }
  };

  const showPoll = async (pollId: number) => {
    say(renderPoll(await core.viewPoll(pollId), await core.myChoices(actor, pollId), actor.locale, tz));
  };

  async function handle(command: ConsoleCommand): Promise<boolean> {
    switch (command.kind) {
      case 'empty':
        return true;
      case 'quit':
        return false;
      case 'help':
        say(c.messages.help({ cmd: CMD, poll: '/poll' }));
        say(c.playground.commands);
        say(c.followUp.moderateUsage({ cmd: '/' }));
        return true;
      case 'suggest': {
        const shared = await core.documentCommand(actor, command.text);
        if (shared !== null) {
          say(shared);
          return true;
        }
        const { suggestion } = await core.submitSuggestion(actor, { text: command.text });
        say(c.messages.suggestionStored({ ref: suggestionRef(suggestion.id) }));
        return true;
      }
      case 'form': {
        const topic = await choose(c.forms.topic, core.settings.topics, 'topics');
        const text = await ask(`${c.forms.text}:`);
        const anonymous = await yes(`${c.forms.anonymous}?`);
        const publishable = await yes(`${c.forms.publishable}?`);
        const { suggestion } = await core.submitSuggestion(actor, { text, topic, anonymous, publishable });
        say((anonymous ? c.messages.suggestionStoredAnonymous : c.messages.suggestionStored)({ ref: suggestionRef(suggestion.id) }));
        return true;
      }
      case 'mine':
        say(renderMine(await core.mine(actor), actor.locale, tz));
        return true;
      case 'delete':
        if (await yes(c.messages.deleteConfirmQuestion)) say(c.messages.deleted(await core.forgetMe(actor)));
        else say(c.messages.deleteCancelled);
        return true;
      case 'profile': {
        const companyName = (await ask(`${c.forms.company}:`)) || undefined;
        const area = await choose(c.forms.area, AREAS, 'areas');
        const industry = await choose(c.forms.industry, INDUSTRIES, 'industries');
        const sizeBand = await choose(c.forms.size, SIZE_BANDS, 'sizes');
        await core.saveProfile(actor, { companyName, area, industry, sizeBand });
        say(c.messages.profileSaved);
        return true;
      }
      case 'poll': {
        if (!command.text.trim() || asksForPollHelp(command.text)) {
          say(c.pollHelp.text({ cmd: '/poll', member: await core.isMember(actor.id) }));
          return true;
        }
        // A scheduled poll: no outbox in the playground, so it opens for votes at its time.
        const outcome = await core.pollPlans.command(actor, command.text, '/poll', { channelId: 'playground' });
        if ('text' in outcome) say(outcome.text);
        else {
          lastPoll = outcome.poll.id;
          say(c.messages.pollCreated({ id: outcome.poll.id }));
          await showPoll(outcome.poll.id);
        }
        return true;
      }
      case 'vote': {
        const pollId = command.pollId ?? lastPoll;
        if (pollId === null) {
          say(c.errors.codes.poll_not_found({}));
          return true;
        }
        const result = await core.vote(actor, pollId, command.option - 1);
        lastPoll = pollId;
        say(result.choices.length ? c.messages.voteRecorded({ options: result.choices.map((i) => result.poll.options[i]).join(', ') }) : c.messages.voteRemoved);
        await showPoll(pollId);
        return true;
      }
      case 'close':
      case 'reopen': {
        const pollId = command.pollId ?? lastPoll;
        if (pollId === null) {
          say(c.errors.codes.poll_not_found({}));
          return true;
        }
        const poll = command.kind === 'close' ? await core.closePoll(actor, pollId) : await core.reopenPoll(actor, pollId);
        say((command.kind === 'close' ? c.messages.pollClosedNow : c.messages.pollReopened)({ question: poll.question }));
        await showPoll(pollId);
        return true;
      }
      case 'polls':
        for (const poll of await core.openPolls(actor)) await showPoll(poll.id);
        return true;
      case 'digest':
        if (!(await core.isMember(actor.id))) say(`${c.messages.notMember} (npx innspill members add ${actor.id})`);
        else say(renderDigestMarkdown(await core.digestFor(core.previewPeriod()), { locale: actor.locale, timeZone: tz, format: 'text' }));
        return true;
      case 'unknown':
        say(c.messages.unknownCommand({ text: command.text, cmd: CMD }));
        return true;
      case 'review':
      case 'contact':
      case 'approve':
      case 'restore':
      case 'hide':
      case 'status':
      case 'topic':
      case 'answer':
        await handleFollowUp(core, actor, command, say);
        return true;
    }
  }

  const surveys = surveyConsole(core, actor, { say, ask });

  say(`Innspill – ${actor.id} (${actor.locale}). ${c.messages.help({ cmd: CMD, poll: '/poll' }).split('\n')[0]}`);
  say(c.playground.banner({ cmd: CMD }));
  for (;;) {
    io.output.write('> ');
    const next = await lines.next();
    if (next.done) break;
    try {
      if (await surveys(next.value)) continue;
      if (!(await handle(parseConsoleLine(next.value)))) break;
    } catch (error) {
      say(error instanceof FormCancelled ? c.playground.cancelled : describeError(actor.locale, error));
    }
  }
  rl.close();
}
