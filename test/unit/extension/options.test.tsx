import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentViewCache } from '../../../extension/hub/view-cache-writer';
import { VIEW_CACHE_MIRROR_KEY } from '../../../extension/messaging/view-cache';
import { createOptionsModel } from '../../../extension/options/options-model';
import { OptionsApp } from '../../../extension/options/OptionsApp';
import { PreferencesForm } from '../../../extension/options/PreferencesForm';
import { DEFAULT_PREFERENCES } from '../../../extension/settings/settings';
import { browserWords } from '../../../extension/ui/browser-words';
import { encodeInvite } from '../../../shared/invite';
import { inMemoryHub, inviteAs, TEST_INVITE } from '../../helpers/in-memory-hub';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

async function leftWorkspace() {
  const h = await inMemoryHub();
  await h.client.call('leave', {});
  return h;
}

describe('options page', () => {
  it('joins with a pasted invite code and shows the connection in words', async () => {
    const { client } = await leftWorkspace();
    render(<OptionsApp model={createOptionsModel(client)} />);
    await screen.findByText('Not connected to a workspace');
    fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: `  ${encodeInvite(TEST_INVITE)}\n` } });
    fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Dana Kim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByText('Invite accepted.');
    expect(screen.getByTestId('connection-state').textContent).toBe('Connected');
    expect(screen.getByRole('heading', { name: 'Switch to another workspace' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Join your team’s workspace' })).toBeNull();
  });

  it('joins with a personal invite as its member, offering the name it carries', async () => {
    const { client, hub } = await leftWorkspace();
    render(<OptionsApp model={createOptionsModel(client)} />);
    await screen.findByText('Not connected to a workspace');
    const personal = { ...inviteAs('editor', 'mem_bobfield00000000'), name: 'Bob Field' };
    fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: encodeInvite(personal) } });
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Bob Field');
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByText('Invite accepted.');
    expect(hub.status().me).toMatchObject({ id: 'mem_bobfield00000000', name: 'Bob Field', role: 'editor' });
    await waitFor(() => expect(hub.query('members', {}).map((m) => m.id)).toContain('mem_bobfield00000000'));
  });

  it('says what is wrong with a damaged invite and keeps the form as it was', async () => {
    const { client } = await leftWorkspace();
    render(<OptionsApp model={createOptionsModel(client)} />);
    await screen.findByText('Not connected to a workspace');
    fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: encodeInvite(TEST_INVITE).slice(0, 30) } });
    fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Dana Kim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The invite code is damaged or cut short; copy it again, whole.');
    expect((screen.getByLabelText('Invite code') as HTMLTextAreaElement).value).toHaveLength(30);
    expect(screen.getByTestId('connection-state').textContent).toBe('Not connected to a workspace');
  });

  it('renames the member, saves preferences and leaves, forgetting the popup\'s copy of its views', async () => {
    const { client, hub } = await inMemoryHub();
    localStorage.setItem(VIEW_CACHE_MIRROR_KEY, JSON.stringify(currentViewCache(hub)));
    render(<OptionsApp model={createOptionsModel(client)} />);
    const name = (await screen.findByLabelText('Your name')) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Me'));
    fireEvent.input(name, { target: { value: 'Dana K.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(hub.query('members', {}).map((m) => m.name)).toContain('Dana K.'));
    fireEvent.click(screen.getByRole('checkbox', { name: /Capture feedback” button next to text/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'New captures in the inbox' }));
    await waitFor(() => expect(hub.query('settings', {}).preferences).toMatchObject({ inPageButton: false, badge: 'inbox' }));
    fireEvent.click(screen.getByRole('button', { name: 'Leave workspace' }));
    await screen.findByText('You left the workspace. Its copy on this device was deleted.');
    expect(hub.status().state).toBe('not_joined');
    expect(localStorage.getItem(VIEW_CACHE_MIRROR_KEY)).toBeNull();
  });

  it('sets the weekly digest and the team cadence, and says what is wrong with a bad value', async () => {
    const { client, hub } = await inMemoryHub();
    render(<OptionsApp model={createOptionsModel(client)} />);
    await screen.findByRole('heading', { name: 'Team cadence' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Day' }), { target: { value: '5' } });
    await waitFor(() => expect(hub.query('settings', {}).preferences.digestDay).toBe(5));
    fireEvent.change(screen.getByRole('combobox', { name: 'Time' }), { target: { value: '16' } });
    await waitFor(() => expect(hub.query('settings', {}).preferences).toMatchObject({ digestDay: 5, digestHour: 16, weeklyDigest: true }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Once a week/ }));
    await waitFor(() => expect(hub.query('settings', {}).preferences.weeklyDigest).toBe(false));
    expect((screen.getByRole('combobox', { name: 'Day' }) as HTMLSelectElement).disabled).toBe(true);

    const threshold = screen.getByRole('spinbutton', { name: 'A theme escalates at the huddle with at least' });
    fireEvent.input(threshold, { target: { value: '4' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Meets' }), { target: { value: 'quarterly' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save team settings' }));
    await screen.findByText('Team settings saved.');
    expect(hub.query('workspaceSettings', {})).toMatchObject({ escalationMinCaptures: 4, boardCadence: 'quarterly' });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'A customer waiting for a reply escalates after' }), { target: { value: '99' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Save team settings' }).closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toBe('The reply target in days must be a whole number from 1 to 60.');
    expect(hub.query('workspaceSettings', {}).replyTargetDays).toBe(2);
  });

  it('tells Chromium and Firefox users where to change the capture shortcut', () => {
    const preferences = DEFAULT_PREFERENCES;
    const { unmount } = render(<PreferencesForm preferences={preferences} onChange={() => {}} />);
    expect(screen.getByText('chrome://extensions/shortcuts')).toBeTruthy();
    unmount();
    render(<PreferencesForm preferences={preferences} onChange={() => {}} words={browserWords(true)} />);
    expect(screen.getByText('about:addons').parentElement?.textContent).toMatch(/about:addons \(the gear menu → Manage Extension Shortcuts\)\./);
  });
});
