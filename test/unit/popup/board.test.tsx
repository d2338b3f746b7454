// @vitest-environment happy-dom
/**
 * @module The Change board tab over a real in-memory hub: proposals in score order with their
 * evidence and score parts, the viewer's own ranking (buttons, focus, saved), the meeting (start,
 * attendance, end with the next date), Accept (owner, due date, a new initiative) and Decline (a
 * reason, shown on the proposal's page).
 */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plannedDate } from '../../../extension/popup/format';
import { harness, renderPopup, settle, START, type Harness } from './helpers';

let h: Harness;
let refund: string;
let dark: string;

beforeEach(async () => {
  h = await harness();
  const evidence = ['Refund took three weeks', 'Still no refund after a month', 'Refund form rejects my order'].map((text) => h.capture({ text, tags: ['refund'] }));
  refund = h.action({ title: 'Refund experience', propose: true, captureIds: evidence, impact: 5, effort: 2 });
  dark = h.action({ title: 'Dark mode', propose: true, impact: 2, effort: 4 }, h.sam);
  h.clock.now = START;
});
afterEach(cleanup);

const part = (name: RegExp | string) => within(screen.getByRole('tablist', { name: 'Change board' })).getByRole('tab', { name });
const proposals = () => within(screen.getByRole('list', { name: 'Proposals by score' })).getAllByRole('listitem').filter((li) => li.classList.contains('pp-proposal'));

describe('the change board', () => {
  it('lists proposals by score with their evidence, distinct customers, impact, effort and the score parts', async () => {
    await renderPopup(h, '#board');
    expect(screen.getByRole('tab', { name: 'Board' }).getAttribute('aria-selected')).toBe('true');
    expect(part(/^Proposals \(2\)/).getAttribute('aria-selected')).toBe('true');
    const [first, second] = proposals();
    const scores = h.hub.query('board', {}).proposals.map((p) => Math.round(p.score.total));
    expect(within(first!).getByRole('button', { name: 'Refund experience' })).toBeTruthy();
    expect(within(first!).getByText('3 captures · 3 customers')).toBeTruthy();
    expect(within(first!).getByText('Impact 5/5')).toBeTruthy();
    expect(within(first!).getByText('Effort 2/5')).toBeTruthy();
    expect(first!.querySelector('.pp-board-score')!.textContent).toBe(`Score ${scores[0]} of 100`);
    // A few quotes of the evidence (its page lists it all).
    const quotes = within(within(first!).getByRole('list', { name: 'Evidence for Refund experience' })).getAllByRole('listitem').map((q) => q.textContent);
    expect(quotes).toHaveLength(2);
    for (const quote of quotes) expect(['Refund took three weeks', 'Still no refund after a month', 'Refund form rejects my order']).toContain(quote);
    expect(within(second!).getByRole('button', { name: 'Dark mode' })).toBeTruthy();
    expect(within(second!).getByText('Proposed by Sam Okafor, 1 d ago')).toBeTruthy();
    // The parts on demand: what each adds, out of its weight.
    const parts = first!.querySelector('details')!;
    expect(within(parts).getByText('Score details')).toBeTruthy();
    expect(within(parts).getByText('3 captures from 3 customers:', { exact: false })).toBeTruthy();
    expect(within(parts).getByText('5 of 5:', { exact: false }).textContent).toBe('5 of 5: 30.0 of 30 points');
    expect(within(parts).getByText(/nobody has ranked it yet/).textContent).toBe('nobody has ranked it yet: 0.0 of 25 points');
  });

  it('lets me rank the proposals with buttons; focus follows the proposal, each change is said and saved', async () => {
    const { user } = await renderPopup(h, '#board');
    await user.click(part('Your ranking'));
    expect(screen.getByText('You have not ranked anything yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Rank Dark mode' }));
    await settle();
    await user.click(screen.getByRole('button', { name: 'Rank Refund experience' }));
    await settle();
    const ranking = () => within(screen.getByRole('list', { name: 'Your ranking' })).getAllByRole('listitem').map((li) => li.querySelector('.pp-rank-title')!.textContent);
    expect(ranking()).toEqual(['Dark mode', 'Refund experience']);
    expect((screen.getByRole('button', { name: 'Move Dark mode up' }) as HTMLButtonElement).disabled).toBe(true);

    screen.getByRole('button', { name: 'Move Refund experience up' }).focus();
    await user.keyboard('{Enter}');
    await settle();
    expect(ranking()).toEqual(['Refund experience', 'Dark mode']);
    // At the top "up" is disabled, so focus stays with the proposal on its "down" button.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Refund experience down' }));
    expect(screen.getByText('Refund experience: now 1 of 2.').getAttribute('role')).toBe('status');
    const stored = h.hub.query('board', {}).proposals.map((p) => [p.action.title, p.action.rankings[h.memberId]]);
    expect(Object.fromEntries(stored)).toEqual({ 'Refund experience': 1, 'Dark mode': 2 });

    await user.click(screen.getByRole('button', { name: 'Take Dark mode out of your ranking' }));
    await settle();
    expect(h.hub.query('board', {}).ranking).toEqual({ ranked: [refund], unranked: [dark] });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rank Dark mode' }));
  });

  it('starts a board meeting, ticks who is there, and ending it sets the next date one month ahead unless changed', async () => {
    const { user } = await renderPopup(h, '#board');
    expect(screen.getByText('No date set for the next change board')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start board meeting' }));
    await settle();
    expect(screen.getByText(/^Board meeting running since today/)).toBeTruthy();
    await user.click(within(screen.getByRole('group', { name: /^Who is here/ })).getByRole('checkbox', { name: 'Alex Rivera' }));
    await settle();
    expect(h.hub.query('board', {}).running!.attendees.sort()).toEqual(['mem_alex', h.memberId].sort());

    await user.click(screen.getByRole('button', { name: 'End board meeting' }));
    const dialog = screen.getByRole('dialog', { name: 'End the board meeting' });
    const date = within(dialog).getByLabelText('Next change board') as HTMLInputElement;
    expect(date.value).toBe('2026-12-22');
    await user.click(within(dialog).getByRole('button', { name: 'End board meeting' }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText(`Board meeting ended. Next change board: ${plannedDate('2026-12-22')}.`)).toBeTruthy();
    expect(h.hub.query('workspaceSettings', {}).nextBoardDate).toBe('2026-12-22');
    expect(screen.getByRole('button', { name: 'Start board meeting' })).toBeTruthy();
  });

  it('accepts only with an owner and a due date, into a new initiative', async () => {
    const { user } = await renderPopup(h, '#board');
    await user.click(screen.getByRole('button', { name: 'Accept Refund experience' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Accept the proposal' }));
    await user.click(dialog.getByRole('button', { name: 'Accept' }));
    expect(dialog.getByRole('alert').textContent).toBe('Choose who owns it.');
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Owner' }), 'Alex Rivera');
    await user.click(dialog.getByRole('button', { name: 'Accept' }));
    expect(dialog.getByRole('alert').textContent).toBe('Give it a due date.');
    const due = dialog.getByLabelText('Due date') as HTMLInputElement;
    due.value = '2026-12-18';
    due.dispatchEvent(new Event('input', { bubbles: true }));
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Initiative' }), 'New initiative…');
    await user.type(dialog.getByRole('textbox', { name: 'New initiative title' }), 'Refund experience program');
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Horizon' }), 'Mid term');
    await user.click(dialog.getByRole('button', { name: 'Accept' }));
    await settle();

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Accepted: it is open work now, with its owner and due date.')).toBeTruthy();
    expect(proposals().map((li) => li.querySelector('.pp-proposal-title')!.textContent)).toEqual(['Dark mode']);
    const { action, initiative } = h.hub.query('action', { id: refund })!;
    expect(action).toMatchObject({ status: 'open', assignee: 'mem_alex', dueDate: '2026-12-18', decision: { outcome: 'accepted', by: h.memberId } });
    expect(initiative).toMatchObject({ code: 'CX-1', title: 'Refund experience program', horizon: 'mid' });

    await user.click(part('Decisions'));
    const [row] = within(screen.getByRole('list', { name: 'Recent decisions' })).getAllByRole('listitem');
    expect(within(row!).getByText('Accepted')).toBeTruthy();
    expect(row!.textContent).toContain('owner Alex Rivera, due 18 Dec');
  });

  it('declines only with a reason, which the proposal’s page shows', async () => {
    const { user } = await renderPopup(h, '#board');
    await user.click(screen.getByRole('button', { name: 'Decline Dark mode' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Decline the proposal' }));
    await user.click(dialog.getByRole('button', { name: 'Decline' }));
    expect(dialog.getByRole('alert').textContent).toBe('Say why: whoever proposed it will read the reason.');
    await user.type(dialog.getByRole('textbox', { name: 'Reason' }), 'Few customers asked; the theme work comes first.');
    await user.click(dialog.getByRole('button', { name: 'Decline' }));
    await settle();
    expect(h.hub.query('action', { id: dark })!.action).toMatchObject({ status: 'wont_do', decision: { outcome: 'declined', reason: 'Few customers asked; the theme work comes first.' } });

    await user.click(part('Decisions'));
    expect(within(screen.getByRole('list', { name: 'Recent decisions' })).getByText('Few customers asked; the theme work comes first.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Dark mode' }));
    await settle();
    const decision = within(screen.getByRole('region', { name: 'Change board decision' }));
    expect(decision.getByText('Declined')).toBeTruthy();
    expect(decision.getByText(/by Dana Kim/)).toBeTruthy();
    expect(decision.getByText('Few customers asked; the theme work comes first.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back to change board' })).toBeTruthy();
  });
});
