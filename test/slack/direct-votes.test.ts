import { describe, expect, it } from 'vitest';
import { readVoteClick } from '../../adapters/slack/direct-votes.ts';

const click = (overrides: Record<string, unknown> = {}, action: Record<string, unknown> = {}) => ({
  type: 'block_actions',
  team: { id: 'T1' },
  user: { id: 'U1', team_id: 'T1' },
  response_url: 'https://hooks.slack.test/actions/1',
  actions: [{ type: 'button', action_id: 'innspill_vote_2', value: '7:2', action_ts: '1.5', ...action }],
  ...overrides,
});

/** Which clicks take the direct route past Bolt: one vote button, nothing else. */
describe('reading a vote click', () => {
  it('takes a single vote button with what the vote needs', () => {
    expect(readVoteClick(click())).toEqual({
      teamId: 'T1',
      userId: 'U1',
      click: { body: { response_url: 'https://hooks.slack.test/actions/1' }, action: { action_id: 'innspill_vote_2', value: '7:2', action_ts: '1.5' } },
    });
    // An org-wide install sends no team; the user's team says which workspace.
    expect(readVoteClick(click({ team: null }))?.teamId).toBe('T1');
  });

  it("takes a many-option poll's menu, its choice as the value", () => {
    const menu = { type: 'static_select', action_id: 'innspill_vote_select', value: undefined, selected_option: { text: { type: 'plain_text', text: 'O' }, value: '7:14' } };
    expect(readVoteClick(click({}, menu))?.click.action).toEqual({ action_id: 'innspill_vote_select', value: '7:14', action_ts: '1.5' });
    expect(readVoteClick(click({}, { ...menu, selected_option: null }))).toBeNull();
    expect(readVoteClick(click({}, { ...menu, selected_option: { value: 14 } }))).toBeNull();
    // A button may not pose as the menu, nor the menu as a button.
    expect(readVoteClick(click({}, { action_id: 'innspill_vote_select' }))).toBeNull();
    expect(readVoteClick(click({}, { ...menu, action_id: 'innspill_vote_2' }))).toBeNull();
  });

  it('leaves every other click to Bolt', () => {
    expect(readVoteClick(click({ type: 'view_submission' }))).toBeNull();
    expect(readVoteClick(click({}, { action_id: 'innspill_poll_close' }))).toBeNull();
    expect(readVoteClick(click({}, { action_id: 'innspill_vote_2x' }))).toBeNull();
    expect(readVoteClick(click({}, { type: 'static_select' }))).toBeNull();
    expect(readVoteClick(click({ actions: [] }))).toBeNull();
    expect(readVoteClick(click({ actions: [click().actions[0], click().actions[0]] }))).toBeNull();
    expect(readVoteClick(click({ response_url: undefined }))).toBeNull();
    expect(readVoteClick(click({}, { value: 7 }))).toBeNull();
    expect(readVoteClick(click({}, { action_ts: undefined }))).toBeNull();
    expect(readVoteClick(click({ team: null, user: { id: 'U1' } }))).toBeNull();
  });
});
