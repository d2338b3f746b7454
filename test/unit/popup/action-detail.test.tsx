// @vitest-environment happy-dom
/** @module Action detail: hash routing, owner/due/score/title edits, closing with a resolution, comments, evidence, history in words. */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, renderPopup, settle, type Harness } from './helpers';

let h: Harness;
let action: string;
let evidence: string[];

beforeEach(async () => {
  h = await harness();
  evidence = [h.capture({ text: 'Checkout crashed with a coupon' }), h.capture({ text: 'Coupon code broke my order' })];
  action = h.action({ title: 'Fix the coupon crash', captureIds: evidence });
});
afterEach(cleanup);

const stored = () => h.hub.query('action', { id: action })!;
const history = () => within(screen.getByRole('region', { name: 'History' }));

describe('action detail', () => {
  it('opens straight from the hash (as notifications do) and goes back to the list', async () => {
    const { user } = await renderPopup(h, `#action/${action}`);
    expect(screen.getByRole('tab', { name: 'Actions' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Action' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Fix the coupon crash');
    expect(history().getByText('Alex Rivera created it')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to actions' }));
    await settle();
    expect(window.location.hash).toBe('#actions');
    expect(screen.getByRole('grid', { name: 'Actions' })).toBeTruthy();
    // A later hash change (another notification) is followed too.
    window.location.hash = `#action/${action}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle();
    expect(screen.getByRole('heading', { name: 'Action' })).toBeTruthy();
  });

  it('changes owner, due date, impact and effort; the history says who changed what', async () => {
    const { user } = await renderPopup(h, `#action/${action}`);
    const owner = screen.getByRole('combobox', { name: 'Owner' }) as HTMLSelectElement;
    expect(owner.selectedOptions[0]!.textContent).toBe('Unassigned');
    expect([...owner.options].map((o) => o.textContent)).toEqual(['Unassigned', 'Alex Rivera', 'Dana Kim (you)', 'Sam Okafor']);
    await user.selectOptions(owner, 'Sam Okafor');
    await settle();
    expect(stored().action.assignee).toBe('mem_sam');
    const due = screen.getByLabelText('Due date') as HTMLInputElement;
    expect(due.type).toBe('date');
    due.value = '2026-11-20';
    due.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(stored().action.dueDate).toBe('2026-11-20');
    expect(screen.getByText('overdue')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Impact' }), '4');
    await settle();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Effort' }), '2');
    await settle();
    expect(stored().action).toMatchObject({ impact: 4, effort: 2 });
    expect(screen.getByText('Quick win', { selector: 'strong' })).toBeTruthy();
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Fix the coupon crash at checkout{Enter}');
    await settle();
    expect(stored().action.title).toBe('Fix the coupon crash at checkout');
    for (const line of [
      'Dana Kim assigned it to Sam Okafor',
      'Dana Kim set Due date to 20 Nov',
      'Dana Kim set Impact to 4',
      'Dana Kim set Effort to 2',
      'Dana Kim set Title: “Fix the coupon crash” → “Fix the coupon crash at checkout”',
    ]) expect(history().getByText(line)).toBeTruthy();
  });

  it('asks for a resolution to close it, shows the hub refusing without one, and sends both together', async () => {
    const { user } = await renderPopup(h, `#action/${action}`);
    const status = screen.getByRole('combobox', { name: 'Status' });
    await user.selectOptions(status, 'in_progress');
    await settle();
    expect(stored().action.status).toBe('in_progress');
    await user.selectOptions(status, 'done');
    await settle();
    expect(stored().action.status).toBe('in_progress'); // nothing sent yet
    const resolution = screen.getByRole('textbox', { name: 'Resolution' });
    expect(document.activeElement).toBe(resolution);
    await user.click(screen.getByRole('button', { name: 'Mark done' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Say how it was resolved before marking it done.');
    expect(stored().action.status).toBe('in_progress');
    await user.type(resolution, 'Fixed the rounding in the coupon service');
    await user.click(screen.getByRole('button', { name: 'Mark done' }));
    await settle();
    expect(stored().action).toMatchObject({ status: 'done', resolution: 'Fixed the rounding in the coupon service' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Fixed the rounding in the coupon service', { selector: 'p' })).toBeTruthy();
    expect(history().getByText('Dana Kim set Status: open → in progress')).toBeTruthy();
    expect(history().getByText('Dana Kim set Status: in progress → done')).toBeTruthy();
    expect(history().getByText('Dana Kim resolved it: “Fixed the rounding in the coupon service”')).toBeTruthy();
    // Reopening needs no resolution.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'open');
    await settle();
    expect(stored().action).toMatchObject({ status: 'open', resolution: null });
  });

  it('lists comments and adds one; lists the evidence, opens and unlinks it', async () => {
    const { user } = await renderPopup(h, `#action/${action}`);
    await user.type(screen.getByRole('textbox', { name: 'Add a comment' }), 'Payments team owns this');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    await settle();
    expect(stored().action.comments).toMatchObject([{ author: h.memberId, text: 'Payments team owns this' }]);
    const comments = within(screen.getByRole('region', { name: /Comments/ }));
    expect(comments.getByText('Payments team owns this')).toBeTruthy();
    expect(comments.getByText('Dana Kim')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Add a comment' }) as HTMLTextAreaElement).value).toBe('');
    expect(history().getByText('Dana Kim commented')).toBeTruthy();

    const list = within(screen.getByRole('region', { name: /Evidence/ }));
    expect(list.getAllByRole('listitem')).toHaveLength(2);
    await user.click(list.getByRole('button', { name: 'Unlink Coupon code broke my order' }));
    await settle();
    expect(stored().action.captureIds).toEqual([evidence[0]]);
    expect(history().getByText('Dana Kim unlinked a capture')).toBeTruthy();
    await user.click(within(screen.getByRole('region', { name: /Evidence/ })).getByRole('button', { name: 'Open capture Checkout crashed with a coupon' }));
    await settle();
    expect(window.location.hash).toBe(`#capture/${evidence[0]}`);
    expect(screen.getByRole('tab', { name: 'Inbox' }).getAttribute('aria-selected')).toBe('true');
  });
});
