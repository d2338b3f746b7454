// @vitest-environment happy-dom
/**
 * @module Initiatives and People over a real in-memory hub: the transformation map by horizon with
 * codes, sponsors and progress; creating and editing an initiative; its page listing its actions;
 * an action's page showing (and changing) its initiative; People's counts leading to one owner's list.
 */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setActionStatus } from '../../../shared/mutations/actions';
import { createInitiative } from '../../../shared/mutations/initiatives';
import { harness, renderPopup, settle, START, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(cleanup);

const card = (code: string) => screen.getByText(code, { selector: '.pp-code' }).closest('li')!;

describe('the transformation map', () => {
  it('lays initiatives out by horizon with code, title, status, sponsor and progress', async () => {
    const refunds = createInitiative(h.alex, { title: 'Refund experience', horizon: 'short', sponsor: 'mem_sam', status: 'active' });
    createInitiative(h.alex, { title: 'Self-service billing', horizon: 'long' });
    const done = h.action({ title: 'Refund status page', initiativeId: refunds });
    setActionStatus(h.alex, done, 'done', 'Live');
    h.action({ title: 'Refund in one click', initiativeId: refunds, dueDate: '2026-11-20' });
    h.action({ title: 'Refund emails', initiativeId: refunds, dueDate: '2026-12-20' });
    h.clock.now = START;
    await renderPopup(h, '#initiatives');

    expect(screen.getByRole('tab', { name: 'Initiatives' }).getAttribute('aria-selected')).toBe('true');
    const horizons = screen.getAllByRole('region').filter((r) => r.classList.contains('pp-horizon'));
    expect(horizons.map((r) => r.querySelector('h3')!.textContent)).toEqual(['Short term 1', 'Mid term 0', 'Long term 1']);
    const refundCard = within(card('CX-1'));
    expect(refundCard.getByRole('button', { name: 'Refund experience' })).toBeTruthy();
    expect(refundCard.getByText('Active')).toBeTruthy();
    expect(refundCard.getByText('Sponsor Sam Okafor')).toBeTruthy();
    const bar = refundCard.getByRole('progressbar', { name: 'Progress of CX-1' });
    expect(bar.getAttribute('aria-valuetext')).toBe('1 of 3 done, 1 overdue');
    expect(refundCard.getByText('1 of 3 done')).toBeTruthy();
    expect(within(card('CX-2')).getByRole('progressbar').getAttribute('aria-valuetext')).toBe('No actions yet');
    expect(within(card('CX-2')).getByText('No sponsor')).toBeTruthy();
  });

  it('creates an initiative in a dialog (the code is given), opens it, and edits it', { timeout: 30_000 }, async () => {
    h.clock.now = START;
    const { user } = await renderPopup(h, '#initiatives');
    expect(screen.getByText('No initiatives yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New initiative' }));
    const dialog = within(screen.getByRole('dialog', { name: 'New initiative' }));
    await user.click(dialog.getByRole('button', { name: 'Create initiative' }));
    expect(dialog.getByRole('alert').textContent).toBe('Give the initiative a title.');
    await user.type(dialog.getByRole('textbox', { name: 'Title' }), 'Faster refunds');
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Horizon' }), 'Mid term');
    await user.selectOptions(dialog.getByRole('combobox', { name: 'Sponsor' }), 'Alex Rivera');
    await user.type(dialog.getByRole('textbox', { name: 'Objective' }), 'Refunds in 3 days');
    await user.type(dialog.getByRole('textbox', { name: 'Definition of done' }), 'Median refund time under 3 days for a month');
    await user.type(dialog.getByRole('textbox', { name: 'Cost' }), 'Two developer-weeks');
    await user.type(dialog.getByRole('textbox', { name: 'Cost amount' }), 'lots');
    await user.click(dialog.getByRole('button', { name: 'Create initiative' }));
    expect(dialog.getByRole('alert').textContent).toMatch(/^Amounts are numbers from 0 to/);
    await user.clear(dialog.getByRole('textbox', { name: 'Cost amount' }));
    await user.type(dialog.getByRole('textbox', { name: 'Cost amount' }), '12,000');
    await user.type(dialog.getByRole('textbox', { name: 'Expected benefit' }), 'Fewer refund tickets');
    await user.click(dialog.getByRole('button', { name: 'Create initiative' }));
    await settle();

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('heading', { name: 'CX-1 Faster refunds' })).toBeTruthy();
    const facts = within(screen.getByRole('region', { name: 'About this initiative' }));
    expect(facts.getByText('Mid term')).toBeTruthy();
    expect(facts.getByText('Alex Rivera')).toBeTruthy();
    expect(facts.getByText('Two developer-weeks · 12,000')).toBeTruthy();
    expect(facts.getByText('Fewer refund tickets')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const edit = within(screen.getByRole('dialog', { name: 'Edit CX-1' }));
    expect((edit.getByRole('textbox', { name: 'Cost amount' }) as HTMLInputElement).value).toBe('12000');
    await user.selectOptions(edit.getByRole('combobox', { name: 'Status' }), 'Active');
    await user.click(edit.getByRole('button', { name: 'Save' }));
    await settle();
    expect(facts.getByText('Active')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'History' })).getByText('Dana Kim set Status: planned → active')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to initiatives' }));
    await settle();
    expect(within(card('CX-1')).getByText('Active')).toBeTruthy();
  });

  it('lists an initiative’s actions; an action’s page shows its initiative and moves it to another', async () => {
    const a = createInitiative(h.alex, { title: 'Refund experience' });
    const b = createInitiative(h.alex, { title: 'Checkout quality' });
    const id = h.action({ title: 'Fix the coupon crash', initiativeId: a, assignee: 'mem_sam', dueDate: '2026-11-20' });
    h.clock.now = START;
    const { user } = await renderPopup(h, `#initiative/${a}`);
    const list = within(screen.getByRole('list', { name: /^Actions/ }));
    expect(list.getByText('Sam Okafor')).toBeTruthy();
    expect(list.getByText(/Due 20 Nov/).textContent).toBe('Due 20 Nov · overdue');
    await user.click(list.getByRole('button', { name: 'Fix the coupon crash' }));
    await settle();

    const picker = screen.getByRole('combobox', { name: 'Initiative' }) as HTMLSelectElement;
    expect(picker.selectedOptions[0]!.textContent).toBe('CX-1 Refund experience');
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Not in an initiative', 'CX-1 Refund experience', 'CX-2 Checkout quality']);
    await user.selectOptions(picker, 'CX-2 Checkout quality');
    await settle();
    expect(h.hub.query('action', { id })!.action.initiativeId).toBe(b);
    await user.click(screen.getByRole('button', { name: 'Open CX-2 Checkout quality' }));
    await settle();
    expect(screen.getByRole('heading', { name: 'CX-2 Checkout quality' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: /^Actions/ })).getByRole('button', { name: 'Fix the coupon crash' })).toBeTruthy();
  });
});

describe('people', () => {
  it('shows each member with open, overdue and done lately, and opens their list', async () => {
    h.action({ title: 'Fix the coupon crash', assignee: 'mem_sam', dueDate: '2026-11-20' });
    h.action({ title: 'Reply to reviewers', assignee: 'mem_sam' });
    const shipped = h.action({ title: 'Dark mode', assignee: 'mem_sam' });
    setActionStatus(h.sam, shipped, 'done', 'Shipped');
    h.action({ title: 'Nobody’s job yet' });
    h.clock.now = START;
    const { user } = await renderPopup(h, '#people');
    const people = within(screen.getByRole('list', { name: 'People' })).getAllByRole('button');
    // Most overdue first; each button's name reads as a sentence.
    const names = ['Sam Okafor: 2 open · 1 overdue · 1 done in 30 days', 'Alex Rivera: 0 open · 0 overdue · 0 done in 30 days',
      'Dana Kim (you): 0 open · 0 overdue · 0 done in 30 days', 'Nobody yet: 1 open · 0 overdue'];
    expect(people).toEqual(names.map((name) => screen.getByRole('button', { name: (accessible) => accessible.replace(/\s+/g, ' ').replace(' :', ':') === name })));
    await user.click(people[0]!);
    await settle();
    expect(window.location.hash).toBe('#owner/mem_sam');
    expect(screen.getByRole('tab', { name: 'Actions' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Sam Okafor’s actions' })).toBeTruthy();
    const grid = within(screen.getByRole('region', { name: 'Actions owned by Sam Okafor' })).getByRole('grid', { name: 'Actions' });
    expect(within(grid).getAllByRole('row').map((r) => r.querySelector('.pp-title-text')!.textContent)).toEqual(['Fix the coupon crash', 'Reply to reviewers']);
    await user.click(screen.getByLabelText('Include done and won’t do'));
    await settle();
    expect(within(grid).getAllByRole('row')).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Back to people' }));
    await settle();
    await user.click(within(screen.getByRole('list', { name: 'People' })).getByRole('button', { name: /^Nobody yet/ }));
    await settle();
    expect(screen.getByRole('heading', { name: 'Actions nobody owns' })).toBeTruthy();
    // The Actions tab itself leaves the owner's list for the usual views.
    await user.click(screen.getByRole('tab', { name: 'Actions' }));
    await settle();
    expect(screen.getByRole('tablist', { name: 'Action views' })).toBeTruthy();
  });
});
