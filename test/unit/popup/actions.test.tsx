// @vitest-environment happy-dom
/** @module Actions tab: the impact/effort 2x2 (placement and priority order) and the Mine/All/Overdue views. */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, renderPopup, settle, type Harness } from './helpers';

let h: Harness;

beforeEach(async () => {
  h = await harness();
});
afterEach(cleanup);

const rowTitles = (grid: HTMLElement) => within(grid).getAllByRole('row').map((r) => r.querySelector('.pp-title-text')!.textContent);

async function openView(user: Awaited<ReturnType<typeof renderPopup>>['user'], name: string) {
  await user.click(within(screen.getByRole('tablist', { name: 'Action views' })).getByRole('tab', { name }));
  await settle();
}

describe('the quick-wins 2x2', () => {
  it('places open actions by impact against effort, quick wins first and in priority order', async () => {
    h.action({ title: 'Small win', impact: 3, effort: 2 });
    h.action({ title: 'Big win', impact: 5, effort: 1 });
    h.action({ title: 'Rebuild search', impact: 5, effort: 5 });
    h.action({ title: 'Tweak colours', impact: 1, effort: 1 });
    h.action({ title: 'Rewrite in Rust', impact: 2, effort: 5 });
    h.action({ title: 'Not scored yet' });
    const closed = h.action({ title: 'Closed quick win', impact: 5, effort: 1 });
    await h.client.call('action.setStatus', { id: closed, status: 'done', resolution: 'Shipped' });
    const { user } = await renderPopup(h, '#actions');
    await openView(user, 'Quick wins');

    const grid = screen.getByRole('tablist', { name: 'Impact against effort' });
    const quadrants = within(grid).getAllByRole('tab');
    expect(quadrants.map((t) => t.querySelector('.pp-q-name')!.textContent)).toEqual(['Quick wins', 'Big bets', 'Fill-ins', 'Money pits']);
    expect(quadrants.map((t) => t.querySelector('.pp-q-count')!.textContent)).toEqual(['2', '1', '1', '1']);
    expect(quadrants[0]!.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel', { name: 'Quick wins: 2 (high impact, low effort)' });
    expect(rowTitles(within(panel).getByRole('grid'))).toEqual(['Big win', 'Small win']);
    expect(screen.getByText(/1 open action without both scores is not in the grid/)).toBeTruthy();

    await user.click(quadrants[1]!);
    expect(rowTitles(within(screen.getByRole('tabpanel', { name: /^Big bets: 1/ })).getByRole('grid'))).toEqual(['Rebuild search']);
    // Arrow keys move through the 2x2 by column and by row.
    quadrants[1]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement!.textContent).toContain('Money pits');
    expect(rowTitles(within(screen.getByRole('tabpanel', { name: /^Money pits: 1/ })).getByRole('grid'))).toEqual(['Rewrite in Rust']);
    await user.keyboard('{ArrowLeft}');
    expect(rowTitles(within(screen.getByRole('tabpanel', { name: /^Fill-ins: 1/ })).getByRole('grid'))).toEqual(['Tweak colours']);
  });
});

describe('the action views', () => {
  beforeEach(async () => {
    const evidence = [h.capture({ text: 'Coupon crash' }), h.capture({ text: 'Coupon crash again' })];
    h.action({ title: 'Fix coupon crash', assignee: h.memberId, dueDate: '2026-11-20', captureIds: evidence, impact: 4, effort: 2 });
    h.action({ title: 'Reply to reviewers', assignee: 'mem_sam', dueDate: '2026-11-22' });
    h.action({ title: 'Dark mode', dueDate: '2026-12-01' });
  });

  it('show title, owner, due date (marked overdue against the local day), status and evidence', async () => {
    const { user } = await renderPopup(h, '#actions');
    await openView(user, 'All');
    const grid = screen.getByRole('grid', { name: 'Actions' });
    // Quick wins first, then the unscored by due date.
    expect(rowTitles(grid)).toEqual(['Fix coupon crash', 'Reply to reviewers', 'Dark mode']);
    const [fix, reply, dark] = within(grid).getAllByRole('row');
    expect(within(fix!).getByText('Dana Kim')).toBeTruthy();
    expect(within(fix!).getByText(/Due 20 Nov/).textContent).toBe('Due 20 Nov · overdue');
    expect(within(fix!).getByText('open')).toBeTruthy();
    expect(fix!.querySelector('.pp-evidence-count')!.textContent).toBe('2 captures');
    expect(within(fix!).getByText('Quick win')).toBeTruthy();
    expect(within(dark!).getByText('Unassigned')).toBeTruthy();
    expect(dark!.querySelector('.pp-evidence-count')!.textContent).toBe('0 captures');
    // Due today is not overdue.
    expect(within(reply!).getByText('Due 22 Nov').textContent).toBe('Due 22 Nov');
    expect(within(reply!).getByText('Sam Okafor')).toBeTruthy();
  });

  it('Mine and Overdue ask the hub with my id and my local date; Enter opens the row', async () => {
    const { user } = await renderPopup(h, '#actions');
    await openView(user, 'Mine');
    expect(rowTitles(screen.getByRole('grid', { name: 'Actions' }))).toEqual(['Fix coupon crash']);
    await openView(user, 'Overdue');
    expect(rowTitles(screen.getByRole('grid', { name: 'Actions' }))).toEqual(['Fix coupon crash']);
    const tabs = within(screen.getByRole('tablist', { name: 'Action views' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Mine', 'All', 'Overdue', 'Quick wins']);
    expect(tabs[2]!.getAttribute('aria-selected')).toBe('true');
    screen.getByRole('grid', { name: 'Actions' }).focus();
    await user.keyboard('{Enter}');
    await settle();
    expect(screen.getByRole('heading', { name: 'Action' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Fix coupon crash');
    await user.click(screen.getByRole('button', { name: 'Back to actions' }));
    await settle();
    expect(screen.getByRole('tab', { name: 'Overdue' }).getAttribute('aria-selected')).toBe('true');
  });
});
