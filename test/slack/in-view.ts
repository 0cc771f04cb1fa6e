import type { SlackHarness } from './harness.ts';

/** A click inside a modal: Slack sends the view it came from instead of a message. */
export const clickInView = (h: SlackHarness, action: Record<string, unknown>, view: { id: string; hash: string }, user: string) =>
  h.slack.interaction({
    type: 'block_actions',
    team: { id: 'T1', domain: 'test' },
    user: { id: user, username: 'member', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'view', view_id: view.id },
    trigger_id: 'trigger-in-view',
    view: { id: view.id, hash: view.hash, type: 'modal', callback_id: '', private_metadata: '', state: { values: {} } },
    actions: [{ block_id: 'b', action_ts: '1700000000.1', ...action }],
  });
