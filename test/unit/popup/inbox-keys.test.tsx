// @vitest-environment happy-dom
/** @module Inbox view: row content, the triage keys (arrows, j/k, Enter, x, e, a, /, Esc), checkboxes and the bulk bar, filters. */
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, renderPopup, settle, type Harness } from './helpers';

let h: Harness;
let ids: string[];

beforeEach(async () => {
  h = await harness();
  ids = [
    h.capture({ text: 'Checkout crashed when I applied a coupon code', tags: ['checkout'] }),
    h.capture({ text: 'The CSV export times out on big workspaces', tags: ['export'] }, h.sam),
    h.capture({ text: 'Please add a dark mode for night shifts' }),
  ];
});
afterEach(cleanup);

const grid = () => screen.getByRole('grid', { name: 'Captures' });
const cursorRow = () => document.getElementById(grid().getAttribute('aria-activedescendant')!)!;
const capture = (id: string) => h.hub.query('capture', { id })!.capture;

describe('inbox rows', () => {
  it('show the quote, source, author, rating, age, who captured it and tags, newest first', async () => {
    await renderPopup(h);
    const rows = within(grid()).getAllByRole('row');
    expect(grid().getAttribute('aria-rowcount')).toBe('3');
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(['1', '2', '3']);
    expect(within(rows[0]!).getByText('Please add a dark mode for night shifts')).toBeTruthy();
    const second = within(rows[1]!);
    expect(second.getByText('The CSV export times out on big workspaces')).toBeTruthy();
    expect(second.getByText('★ 2/5')).toBeTruthy();
    expect(second.getByText('Trustpilot')).toBeTruthy();
    expect(second.getByText(/^Customer \d+$/)).toBeTruthy();
    expect(second.getByText('by Sam Okafor')).toBeTruthy();
    expect(second.getByText('export')).toBeTruthy();
    // Captured an hour apart, the last 46 h before "now".
    expect(second.getByText('1 d ago')).toBeTruthy();
    expect(second.getByRole('checkbox', { name: 'Select The CSV export times out on…' })).toBeTruthy();
  });
});

describe('inbox keys', () => {
  it('move the cursor with arrows and j/k, and Enter opens the row; Esc comes back', async () => {
    const { user } = await renderPopup(h);
    grid().focus();
    expect(cursorRow().getAttribute('aria-rowindex')).toBe('1');
    await user.keyboard('{ArrowDown}');
    expect(cursorRow().getAttribute('aria-rowindex')).toBe('2');
    await user.keyboard('j');
    expect(cursorRow().getAttribute('aria-rowindex')).toBe('3');
    await user.keyboard('j');
    expect(cursorRow().getAttribute('aria-rowindex')).toBe('3');
    await user.keyboard('k');
    expect(cursorRow().className).toContain('is-cursor');
    expect(cursorRow().textContent).toContain('The CSV export times out');
    await user.keyboard('{Enter}');
    await settle();
    expect(window.location.hash).toBe(`#capture/${ids[1]}`);
    expect(screen.getByRole('heading', { name: 'Capture' })).toBeTruthy();
    expect(screen.getByText('The CSV export times out on big workspaces', { selector: 'blockquote' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await settle();
    expect(window.location.hash).toBe('#inbox');
    expect(screen.queryByRole('heading', { name: 'Capture' })).toBeNull();
    expect(cursorRow().getAttribute('aria-rowindex')).toBe('2');
  });

  it('x selects, e archives with an optional reason asked inline', async () => {
    const { user } = await renderPopup(h);
    grid().focus();
    await user.keyboard('x');
    expect((screen.getByRole('checkbox', { name: /^Select Please add a dark mode/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(screen.getByRole('group', { name: 'Selected captures' })).getByText('1 selected')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Selected captures' })).toBeNull();

    await user.keyboard('j');
    await user.keyboard('e');
    const form = screen.getByRole('form', { name: 'Archive 1 capture' });
    const reason = within(form).getByRole('textbox', { name: 'Reason (optional)' });
    expect(document.activeElement).toBe(reason);
    await user.type(reason, 'Duplicate of a ticket{Enter}');
    await settle();
    expect(capture(ids[1]!)).toMatchObject({ status: 'archived', archivedReason: 'Duplicate of a ticket' });
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe('2'));
    expect(screen.getByText('Archived 1 capture.')).toBeTruthy();
    expect(document.activeElement).toBe(grid());
  });

  it('a creates an action from the row, with the title from the quote, and opens it', async () => {
    const { user } = await renderPopup(h);
    grid().focus();
    await user.keyboard('jja');
    const title = screen.getByRole('textbox', { name: 'Action title' }) as HTMLInputElement;
    expect(title.value).toBe('Checkout crashed when I applied a coupon code');
    await user.clear(title);
    await user.type(title, 'Fix the coupon crash{Enter}');
    await settle();
    const id = window.location.hash.replace('#action/', '');
    expect(h.hub.query('action', { id })).toMatchObject({ action: { title: 'Fix the coupon crash', captureIds: [ids[0]] } });
    expect(screen.getByRole('heading', { name: 'Action' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Fix the coupon crash');
  });

  it('check boxes select several; the bulk bar tags them and makes one action of them all', async () => {
    const { user } = await renderPopup(h);
    await user.click(screen.getByRole('checkbox', { name: /^Select The CSV export/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Select Checkout crashed/ }));
    const bar = screen.getByRole('group', { name: 'Selected captures' });
    expect(within(bar).getByText('2 selected')).toBeTruthy();
    await user.click(within(bar).getByRole('button', { name: 'Tag' }));
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), 'q4-review{Enter}');
    await settle();
    expect(capture(ids[0]!).tags).toContain('q4-review');
    expect(capture(ids[1]!).tags).toContain('q4-review');

    await user.click(screen.getByRole('checkbox', { name: /^Select The CSV export/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Select Checkout crashed/ }));
    await user.click(screen.getByRole('button', { name: 'Create action' }));
    const title = screen.getByRole('textbox', { name: 'Action title' }) as HTMLInputElement;
    expect(title.value).toBe('The CSV export times out on big workspaces');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await settle();
    const id = window.location.hash.replace('#action/', '');
    expect(h.hub.query('action', { id })!.action.captureIds.sort()).toEqual([ids[0], ids[1]].sort());
  });

  it('/ focuses the search; typing filters the list and Esc clears it', async () => {
    const { user } = await renderPopup(h);
    grid().focus();
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search captures' });
    expect(document.activeElement).toBe(search);
    await user.keyboard('dark');
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe('1'));
    expect(h.marks.filter((m) => m.name === 'closeloop:filter-done').at(-1)).toEqual({ name: 'closeloop:filter-done', detail: 'dark' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe('3'));
    expect((search as HTMLInputElement).value).toBe('');
  });

  it('filters from the Filters panel and shows them as removable chips', async () => {
    const { user } = await renderPopup(h);
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    await settle();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'export');
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe('1'));
    await user.click(screen.getByRole('button', { name: /Filters/ }));
    await user.click(screen.getByRole('button', { name: 'Remove filter Tag: export' }));
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe('3'));
    await user.click(screen.getByRole('radio', { name: 'Archived' }));
    await waitFor(() => expect(screen.getByText('Nothing matches.')).toBeTruthy());
  });
});
