import type { Innspill } from '../../src/innspill.ts';
import type { Actor } from '../../src/domain/participant.ts';
import { parseProgress, parseSuggestionRef } from '../../src/domain/follow-up.ts';
import { suggestionRef } from '../../src/domain/suggestion.ts';
import { catalog, label } from '../../src/i18n/index.ts';
import { projectGroupText } from '../../src/usecases/project-group.ts';
import type { ConsoleCommand } from './parse.ts';
import { reviewLine } from './render.ts';

type FollowUpCommand = Extract<ConsoleCommand, { kind: 'review' | 'contact' | 'approve' | 'restore' | 'hide' | 'status' | 'topic' | 'answer' }>;

/**
 * The follow-up in the playground: a member's review queue and moderation, a sender's answer, and
 * who the project group is. Refusals are thrown, so the playground explains them in the user's language.
 */
export async function handleFollowUp(core: Innspill, actor: Actor, command: FollowUpCommand, say: (text: string) => void): Promise<void> {
  const f = catalog(actor.locale).followUp;
  const topicName = (topic: string) => label(actor.locale, 'topics', topic);
  switch (command.kind) {
    case 'contact':
      say(`${f.projectGroup}\n${projectGroupText(actor.locale, core.settings.projectMembers ?? [])}`);
      return;
    case 'review': {
      const queue = await core.reviewQueue(actor);
      say(`${f.queueTitle}:`);
      say(queue.length ? queue.map((s) => `  ${reviewLine(s, topicName(s.topic), actor.locale)}`).join('\n') : `  ${f.queueEmpty}`);
      say(f.moderateUsage({ cmd: '/' }));
      return;
    }
    case 'approve':
      say(f.approved({ ref: suggestionRef((await core.approve(actor, parseSuggestionRef(command.ref))).id) }));
      return;
    case 'restore':
      say(f.restored({ ref: suggestionRef((await core.restore(actor, parseSuggestionRef(command.ref))).id) }));
      return;
    case 'hide':
      say(f.hidden({ ref: suggestionRef((await core.hide(actor, parseSuggestionRef(command.ref), command.reason)).id) }));
      return;
    case 'status': {
      const progress = parseProgress(command.status);
      const { suggestion, notified } = await core.setStatus(actor, parseSuggestionRef(command.ref), progress, command.note);
      say((notified ? f.statusSetNotified : f.statusSet)({ ref: suggestionRef(suggestion.id), status: f.progress[progress] }));
      return;
    }
    case 'topic': {
      const s = await core.moveTopic(actor, parseSuggestionRef(command.ref), command.topic);
      say(f.topicMoved({ ref: suggestionRef(s.id), topic: topicName(s.topic) }));
      return;
    }
    case 'answer': {
      const id = parseSuggestionRef(command.ref);
      await core.answerMember(actor, id, command.text);
      say(f.answerSent({ ref: suggestionRef(id) }));
      return;
    }
  }
}
