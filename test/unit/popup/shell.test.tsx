// @vitest-environment happy-dom
/** @module Popup shell: tabs, sync state, who is online, the way into options, the shortcuts dialog (start-up: start-up.test.tsx). */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatedClient, harness, openOptionsSpy, renderPopup, settle, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  h.capture({ text: 'Checkout crashed with a coupon' });
});
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('the popup shell', () => {
  it('has six tabs; arrow keys move between them, and each tab is built on its first visit', async () => {
    const { user } = await renderPopup(h);
    const tablist = screen.getByRole('tablist', { name: 'Views' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Inbox', 'Actions', 'Huddle', 'Board', 'Initiatives', 'People']);
    const [inbox, actions] = tabs;
    expect(inbox!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Inbox' })).toBeTruthy();
    // Nothing but the Inbox is built (or asks the hub anything) before it is visited.
    expect(document.getElementById('main-panel-huddle')).toBeNull();
    expect(document.getElementById('main-panel-actions')).toBeNull();
    inbox!.focus();
    await user.keyboard('{ArrowRight}');
    await settle();
    expect(document.activeElement).toBe(actions);
    expect(actions!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Actions' })).toBeTruthy();
    expect(screen.queryByRole('tabpanel', { name: 'Inbox' })).toBeNull();
    expect(window.location.hash).toBe('#actions');
    await user.keyboard('{End}');
    await settle();
    expect(window.location.hash).toBe('#people');
    expect(screen.getByRole('tabpanel', { name: 'People' })).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(inbox);
    expect(screen.getByRole('grid', { name: 'Captures' })).toBeTruthy();
    // Visited tabs stay built (hidden), so they keep their place; unvisited ones are still not built.
    expect(document.getElementById('main-panel-people')!.hidden).toBe(true);
    expect(document.getElementById('main-panel-board')).toBeNull();
  });

  it('says the sync state in words with its dot, and who else is online', async () => {
    const online = [{ id: 'mem_sam', name: 'Sam Okafor', color: '#16a34a' }, { id: 'mem_priya', name: 'Priya Shah', color: '#db2777' }];
    const gate = gatedClient(h.client, (name, value) => (name === 'status' ? { ...value, online, state: 'offline', words: 'Offline — 2 changes waiting' } : value), true);
    h.client = gate.client;
    await renderPopup(h);
    const status = screen.getByRole('status', { name: '' });
    expect(screen.getByTestId('sync-words').textContent).toBe('Offline — 2 changes waiting');
    expect(status.querySelector('.cl-dot')!.getAttribute('data-state')).toBe('offline');
    const avatars = within(screen.getByRole('list', { name: 'Online now' })).getAllByRole('img');
    expect(avatars.map((a) => a.getAttribute('aria-label'))).toEqual(['Sam Okafor is online', 'Priya Shah is online']);
    expect(avatars[0]!.textContent).toBe('SO');
    expect(avatars[0]!.getAttribute('title')).toBe('Sam Okafor is online');
  });

  it('leads into the options page when not joined or refused', async () => {
    const open = openOptionsSpy();
    let state = 'not_joined';
    const gate = gatedClient(h.client, (name, value) => (name === 'status' ? { ...value, state, words: state === 'refused' ? 'Token refused' : 'Not connected to a workspace', problem: null } : value), true);
    h.client = gate.client;
    const { user } = await renderPopup(h);
    expect(screen.getByRole('heading', { name: 'Join your team’s workspace' })).toBeTruthy();
    expect(screen.queryByRole('tablist', { name: 'Views' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open options' }));
    expect(open).toHaveBeenCalledTimes(1);
    cleanup();
    state = 'refused';
    const again = await renderPopup(h);
    expect(screen.getByRole('alert').textContent).toMatch(/refused/);
    await again.user.click(screen.getByRole('button', { name: 'Open options' }));
    expect(open).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('grid', { name: 'Captures' })).toBeTruthy();
  });

  it('opens the keyboard shortcuts as a real dialog from the button or "?"; Esc closes and focus returns', async () => {
    const { user } = await renderPopup(h);
    const button = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(within(dialog).getByText('Create an action from the row or the selection')).toBeTruthy();
    await user.keyboard('{Tab}');
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    screen.getByRole('grid', { name: 'Captures' }).focus();
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
