import type { WebClient } from './api/clients.ts';
import type { HandlerDeps } from './handlers/deps.ts';
import { actorOf } from './handlers/deps.ts';
import { reviewBlocks } from './render/follow-up.ts';
import { homeView } from './render/home.ts';
import { projectGroupText } from '../../src/usecases/project-group.ts';

const HOME_POLLS = 50;
/** Suggestions in App Home's review queue: ten rows of buttons keep the view well under 100 blocks. */
const HOME_QUEUE = 10;

/** Publishes a person's App Home: theirs, open polls, and for members what waits for review. */
export async function publishHome(deps: HandlerDeps, client: WebClient, teamId: string, userId: string): Promise<void> {
  const { core } = deps;
  const locale = await deps.locales.fetchLocale(teamId, userId);
  const actor = { ...actorOf(deps, teamId, userId), locale };
  const [mine, polls, member] = await Promise.all([core.mine(actor), core.openPolls(actor, HOME_POLLS), core.isMember(actor.id)]);
  const review = member ? reviewBlocks(await core.reviewQueue(actor, HOME_QUEUE), locale) : [];
  const projectGroup = projectGroupText(locale, core.settings.projectMembers ?? []);
  const view = homeView({ suggestions: mine.suggestions, polls, locale, timeZone: core.settings.timeZone, review, projectGroup });
  await client.views.publish({ user_id: userId, view: view as never });
}
