import type { Actor } from './domain/participant.ts';
import type { DigestPeriod } from './digest/model.ts';
import type { PollDraft } from './polls/syntax.ts';
import type { CoreDeps } from './usecases/context.ts';
import * as participants from './usecases/participants.ts';
import * as polls from './usecases/polls.ts';
import * as reports from './usecases/reports.ts';
import * as suggestions from './usecases/suggestions.ts';
import * as delivery from './usecases/delivery.ts';
import * as followUp from './usecases/follow-up.ts';
import { segmentReport } from './usecases/segment-report.ts';
import type { Progress } from './domain/follow-up.ts';
import * as privacy from './usecases/privacy.ts';
import type { ParticipantRef } from './domain/participant.ts';
import * as digestItems from './usecases/digest-items.ts';
import * as pollManagers from './usecases/poll-managers.ts';
import * as surveys from './usecases/surveys.ts';
import * as documents from './usecases/documents.ts';
import * as publicSite from './usecases/public-site.ts';
import { pollPlanUseCases } from './usecases/poll-series.ts';

/**
 * The one surface every adapter talks to (Slack, Teams, console, CLI). Each method is a use case;
 * the adapters translate their platform's requests into these calls and render the results.
 */
export function createInnspill(deps: CoreDeps) {
  return {
    settings: deps.settings,
    clock: deps.clock,
    submitSuggestion: (actor: Actor, input: suggestions.SuggestionInput, delivery?: suggestions.Delivery) =>
      suggestions.submitSuggestion(deps, actor, input, delivery),
    saveProfile: (actor: Actor, input: unknown) => participants.saveProfile(deps, actor, input),
    getProfile: (actor: Actor) => participants.getProfile(deps, actor),
    mine: (actor: Actor) => participants.mine(deps, actor),
    forgetMe: (actor: Actor) => participants.forgetMe(deps, actor),
    createPoll: (actor: Actor, draft: PollDraft, place: polls.PollPlace) => polls.createPoll(deps, actor, draft, place),
    createPollFromText: (actor: Actor, text: string, place: polls.PollPlace) => polls.createPollFromText(deps, actor, text, place),
    vote: (actor: Actor, pollId: number, option: number, click?: polls.VoteClick) => polls.vote(deps, actor, pollId, option, click),
    closePoll: (actor: Actor, pollId: number) => polls.closePoll(deps, actor, pollId),
    reopenPoll: (actor: Actor, pollId: number) => polls.reopenPoll(deps, actor, pollId),
    viewPoll: (poll: Parameters<typeof polls.viewPoll>[1]) => polls.viewPoll(deps, poll),
    myChoices: (actor: Actor, pollId: number) => polls.myChoices(deps, actor, pollId),
    openPolls: (actor: Actor, limit?: number) => polls.openPolls(deps, actor, limit),
    isMember: (id: string) => deps.store.members.isMember(id),
    members: deps.store.members,
    digestFor: (period: DigestPeriod) => reports.digestFor(deps, period),
    previewPeriod: (since?: Date) => reports.previewPeriod(deps.clock(), since),
    exportPublished: () => reports.exportPublished(deps),
    digestSuggestions: (member: Actor, period: DigestPeriod, topic: string, page: number) => reports.digestSuggestions(deps, member, period, topic, page),
    digestSuggestion: (member: Actor, id: number) => digestItems.digestSuggestion(deps, member, id),
    mayManagePoll: (actor: Pick<Actor, 'id'>, pollId: number) => pollManagers.mayManagePoll(deps, actor, pollId),
    runDigest: (options: { slot: Date; manual: boolean }) => delivery.runDigest(deps, options),
    replyToSender: (member: Actor, suggestionId: number, text: string, options?: suggestions.Delivery) =>
      delivery.replyToSender(deps, member, suggestionId, text, options),
    outbox: deps.store.outbox,
    latestDigestRun: () => deps.store.digestRuns.latest(),
    firstDelivery: (source: string, key: string) => deps.store.events.firstDelivery(source, key, deps.clock()),
    reviewQueue: (member: followUp.Moderator, limit?: number) => followUp.reviewQueue(deps, member, limit),
    segmentReport: (period: DigestPeriod) => segmentReport(deps, period),
    suggestionFor: (member: followUp.Moderator, id: number) => followUp.suggestionFor(deps, member, id),
    approve: (member: followUp.Moderator, id: number) => followUp.approve(deps, member, id),
    hide: (member: followUp.Moderator, id: number, reason?: string) => followUp.hide(deps, member, id, reason),
    restore: (member: followUp.Moderator, id: number) => followUp.restore(deps, member, id),
    hiddenReason: (member: followUp.Moderator, id: number) => followUp.hiddenReason(deps, member, id),
    moveTopic: (member: followUp.Moderator, id: number, topic: string) => followUp.moveTopic(deps, member, id, topic),
    setStatus: (member: followUp.Moderator, id: number, progress: Progress, note?: string) => followUp.setStatus(deps, member, id, progress, note),
    answerMember: (sender: Actor, id: number, text: string, options?: suggestions.Delivery) => followUp.answerMember(deps, sender, id, text, options),
    forgetPerson: (ref: ParticipantRef) => privacy.forgetPerson(deps, ref),
    showPerson: (ref: ParticipantRef) => privacy.showPerson(deps, ref),
    runMaintenance: () => privacy.runMaintenance(deps),
    openRecipient: (sealed: string) => privacy.openRecipient(deps, sealed),
    surveys: surveys.surveyUseCases(deps),
    addDocument: (input: documents.DocumentInput) => documents.addDocument(deps, input),
    documentCommand: (actor: Actor, text: string) => documents.documentCommand(deps, actor, text),
    listDocuments: () => deps.store.documents.list(),
    removeDocument: (id: number) => deps.store.documents.remove(id),
    documentFile: (name: string) => documents.documentFile(deps, name),
    publicSiteSource: () => publicSite.publicSiteSource(deps),
    publicSiteVersion: () => deps.store.publicSite.version(),
    storedLocales: (platform: string) => participants.storedLocales(deps, platform),
    pollPlans: pollPlanUseCases(deps),
  };
}

export type Innspill = ReturnType<typeof createInnspill>;
