// @vitest-environment happy-dom
/**
 * @module The Huddle tab over a real in-memory hub: the watermark in words, the six sections in
 * order with their counts, starting and ending a huddle (who is there, notes), acting on rows where
 * they stand, turning an escalation into a proposal, "Show all", the first-paint mark, and the first rows before the rest.
 */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setActionStatus } from '../../../shared/mutations/actions';
import { setCustomerLoop } from '../../../shared/mutations/captures';
import { FIRST_PAINT_ROWS } from '../../../extension/popup/HuddleView';
import { PopupApp } from '../../../extension/popup/PopupApp';
import { createPopupModel } from '../../../extension/popup/popup-model';
import { harness, HOUR, renderPopup, settle, START, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(cleanup);

const localTime = (ms: number) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(ms);
const section = (name: string) => screen.getByRole('region', { name });
const rows = (name: string) => within(section(name)).queryAllByRole('listitem');
const count = (name: string) => within(section(name)).getByRole('heading').textContent!.replace(name, '').trim();
const REFUNDS = ['Refund took three weeks to arrive', 'Still waiting on my refund after a month', 'The refund form rejects my order number'];

describe('the huddle', () => {
  it('looks back seven days before the first huddle, in six sections in order, each with its count', async () => {
    for (const text of REFUNDS) h.capture({ text, tags: ['refund'] });
    h.action({ title: 'Fix the coupon crash', dueDate: '2026-11-20', assignee: 'mem_alex' });
    const blocked = h.action({ title: 'Rebuild the export', dueDate: '2026-12-20' });
    setActionStatus(h.alex, blocked, 'blocked');
    h.action({ title: 'Reply to the reviewers', dueDate: '2026-11-25' });
    const shipped = h.action({ title: 'Dark mode' });
    setActionStatus(h.sam, shipped, 'done', 'Shipped in 4.2');
    h.clock.now = START;
    await renderPopup(h, '#huddle');

    expect(screen.getByRole('tab', { name: 'Huddle' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('Last 7 days: no huddle yet')).toBeTruthy();
    const panel = within(screen.getByRole('tabpanel', { name: 'Huddle' }));
    expect(panel.getAllByRole('heading', { level: 3 }).map((x) => x.textContent)).toEqual([
      'Escalations 1', 'New since last huddle 3', 'Overdue 1', 'Blocked 1', 'Due this week 1', 'Done since last huddle 1',
    ]);
    expect(within(rows('Escalations')[0]!).getByText('refund')).toBeTruthy();
    expect(within(rows('Escalations')[0]!).getByText('3 captures')).toBeTruthy();
    expect(within(rows('Overdue')[0]!).getByText('was due 20 Nov')).toBeTruthy();
    expect(within(rows('Done since last huddle')[0]!).getByText('Closed by Sam Okafor')).toBeTruthy();
    expect(within(section('New since last huddle')).getByRole('button', { name: 'Open capture Refund took three weeks to arrive' })).toBeTruthy();
  });

  it('turns an escalation into a proposal with its captures as evidence, opened to edit its title', async () => {
    const ids = REFUNDS.map((text) => h.capture({ text, tags: ['refund'] }));
    h.clock.now = START;
    const { user } = await renderPopup(h, '#huddle');
    await user.click(screen.getByRole('button', { name: 'Propose “refund” to the change board' }));
    await settle();

    const id = /#action\/(.+)/.exec(window.location.hash)![1]!;
    expect(h.hub.query('action', { id })!.action).toMatchObject({ status: 'proposed', title: 'Act on “refund” feedback', createdBy: h.memberId });
    expect([...h.hub.query('action', { id })!.action.captureIds].sort()).toEqual([...ids].sort());
    expect(screen.getByRole('heading', { name: 'Proposal' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Act on “refund” feedback');
    expect(screen.getByText('Proposed')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Evidence 3' })).toBeTruthy();
    // A proposal is decided at the change board: there is no status to pick by hand.
    expect(screen.queryByRole('combobox', { name: 'Status' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Back to huddle' }));
    await settle();
    expect(count('Escalations')).toBe('0');
    expect(within(section('Escalations')).getByText('No theme or customer needs the team’s attention.')).toBeTruthy();
  });

  it('starts a huddle, ticks who is there, takes notes, and ending it moves the watermark; wins name who closed them', async () => {
    const fix = h.action({ title: 'Fix the coupon crash', assignee: 'mem_alex' });
    h.clock.now = START;
    const { user } = await renderPopup(h, '#huddle');
    await user.click(screen.getByRole('button', { name: 'Start huddle' }));
    await settle();
    expect(screen.getByText(`Huddle running since today ${localTime(START)}, started by Dana Kim`)).toBeTruthy();
    const here = within(screen.getByRole('group', { name: /^Who is here/ }));
    expect((here.getByRole('checkbox', { name: 'Dana Kim (you)' }) as HTMLInputElement).checked).toBe(true);
    await user.click(here.getByRole('checkbox', { name: 'Sam Okafor' }));
    await settle();
    expect(h.hub.query('huddle', {}).current!.attendees.sort()).toEqual([h.memberId, 'mem_sam'].sort());
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Alex calls finance about refunds{Enter}');
    await settle();
    expect(within(screen.getByRole('list', { name: 'Notes' })).getByText('Alex calls finance about refunds')).toBeTruthy();

    h.clock.now = START + HOUR;
    await user.click(screen.getByRole('button', { name: 'End huddle' }));
    await settle();
    expect(screen.getByText(`Since the huddle that ended today ${localTime(START + HOUR)}`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start huddle' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Notes from the last huddle' })).getByText('Alex calls finance about refunds')).toBeTruthy();
    expect(count('Done since last huddle')).toBe('0');

    h.clock.now = START + 2 * HOUR;
    setActionStatus(h.alex, fix, 'done', 'Patched the coupon service');
    await settle();
    const [win] = rows('Done since last huddle');
    expect(within(win!).getByRole('button', { name: 'Fix the coupon crash' })).toBeTruthy();
    expect(within(win!).getByText('Closed by Alex Rivera')).toBeTruthy();
  });

  it('acts on a row where it stands: owner, due date and status, closing with a resolution', async () => {
    const id = h.action({ title: 'Fix the coupon crash', dueDate: '2026-11-20' });
    h.clock.now = START;
    const { user } = await renderPopup(h, '#huddle');
    const row = () => within(rows('Overdue')[0]!);
    await user.selectOptions(row().getByRole('combobox', { name: 'Owner of Fix the coupon crash' }), 'Sam Okafor');
    await settle();
    expect(h.hub.query('action', { id })!.action.assignee).toBe('mem_sam');

    const due = row().getByLabelText('Due date of Fix the coupon crash') as HTMLInputElement;
    due.value = '2026-11-24';
    due.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(count('Overdue')).toBe('0');
    expect(count('Due this week')).toBe('1');

    const status = within(rows('Due this week')[0]!).getByRole('combobox', { name: 'Status of Fix the coupon crash' }) as HTMLSelectElement;
    expect([...status.options].map((o) => o.value)).toEqual(['open', 'in_progress', 'blocked', 'done', 'wont_do']);
    await user.selectOptions(status, 'blocked');
    await settle();
    expect(count('Blocked')).toBe('1');

    h.clock.now = START + 60_000;
    await user.selectOptions(within(rows('Blocked')[0]!).getByRole('combobox', { name: 'Status of Fix the coupon crash' }), 'done');
    const form = screen.getByRole('form', { name: 'Mark “Fix the coupon crash” done' });
    await user.type(within(form).getByRole('textbox', { name: 'Resolution' }), 'Patched');
    await user.click(within(form).getByRole('button', { name: 'Mark done' }));
    await settle();
    expect(count('Blocked')).toBe('0');
    expect(within(rows('Done since last huddle')[0]!).getByText('Closed by Dana Kim')).toBeTruthy();
  });

  it('lists the first 25 rows of a long section and shows all on request', async () => {
    for (let i = 0; i < 27; i++) h.action({ title: `Late thing ${i}`, dueDate: '2026-11-19' });
    h.clock.now = START;
    const { user } = await renderPopup(h, '#huddle');
    expect(count('Overdue')).toBe('27');
    expect(rows('Overdue')).toHaveLength(25);
    await user.click(screen.getByRole('button', { name: 'Show all 27 in Overdue' }));
    await settle();
    expect(rows('Overdue')).toHaveLength(27);
    expect(screen.queryByRole('button', { name: 'Show all 27 in Overdue' })).toBeNull();
  });

  it('escalates a customer waiting past the reply target, and opens that capture', async () => {
    h.clock.now = START - 80 * HOUR;
    const waiting = h.capture({ text: 'Nobody answered my email about the broken charger', source: { author: 'Maria G.' } as never });
    setCustomerLoop(h.alex, waiting, { state: 'reply_needed' });
    h.clock.now = START;
    const { user } = await renderPopup(h, '#huddle');
    const [row] = rows('Escalations');
    expect(within(row!).getByText('Reply needed')).toBeTruthy();
    await user.click(within(row!).getByRole('button', { name: 'Open the capture from Maria G.' }));
    await settle();
    expect(window.location.hash).toBe(`#capture/${waiting}`);
    expect(screen.getByRole('button', { name: 'Back to huddle' })).toBeTruthy();
  });

  it('marks its first real content once, for the popup benchmark', async () => {
    h.capture({ text: 'Checkout crashed with a coupon' });
    h.clock.now = START;
    const { user } = await renderPopup(h, '#huddle');
    await user.click(screen.getByRole('button', { name: 'Start huddle' }));
    await settle();
    const marks = h.marks.filter((m) => m.name === 'closeloop:first-view-paint');
    expect(marks).toEqual([{ name: 'closeloop:first-view-paint', detail: { view: 'huddle', source: 'live' } }]);
  });
});

  it('commits the first rows first (more than the popup shows) and every row in the render after that paint', async () => {
    for (let i = 0; i < 10; i++) h.capture({ text: `Checkout crashed, report ${i}` });
    for (let i = 0; i < 10; i++) h.action({ title: `Overdue fix ${i}`, dueDate: '2026-11-10', assignee: 'mem_alex' });
    h.clock.now = START;
    window.location.hash = '#huddle';
    // The first-paint mark is left in a layout effect, after the commit and before the browser paints.
    const root = document.body.appendChild(document.createElement('div'));
    let atFirstPaint = -1;
    const env = { ...h.env, performance: { mark: (name: string) => {
      if (name === 'closeloop:first-view-paint') atFirstPaint = root.querySelectorAll('.pp-hrows > li').length;
    } } };
    render(<PopupApp model={createPopupModel(h.client, env)} />, { container: root });
    await settle();
    expect(atFirstPaint).toBe(FIRST_PAINT_ROWS);
    expect(rows('New since last huddle')).toHaveLength(10);
    expect(rows('Overdue')).toHaveLength(10);
    expect(count('Overdue')).toBe('10');
    expect(within(section('Overdue')).queryByRole('button', { name: /Show all/ })).toBeNull();
  });
