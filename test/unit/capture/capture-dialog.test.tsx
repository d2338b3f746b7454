// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createCaptureModel } from '../../../extension/capture/capture-model';
import { CaptureDialog } from '../../../extension/capture/dialog/CaptureDialog';
import { isTrustedEvent } from '../../../extension/capture/trust';
import { HubCallError } from '../../../extension/messaging/hub-client';
import { context, draft, fakeHub, forged, renderDialog, saved, status } from './helpers';

afterEach(cleanup);

const saveButton = () => screen.getByRole('button', { name: 'Save' });
const tagsBox = () => screen.getByRole('combobox', { name: 'Tags' });

describe('the capture dialog', () => {
  it('is a labelled modal dialog that takes focus and shows the quote and what was extracted', () => {
    renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Capture feedback' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(tagsBox());
    expect(within(dialog).getByText('The export keeps timing out on big workspaces.').tagName).toBe('BLOCKQUOTE');
    expect(within(dialog).getByText('Trustpilot · trustpilot.com')).toBeTruthy();
    expect(within(dialog).getByText('Priya Raman')).toBeTruthy();
    expect(within(dialog).getByText('4 / 5')).toBeTruthy();
    expect(within(dialog).getByText('5 Mar 2024')).toBeTruthy();
    expect(within(dialog).getByText('Acme Widgets Reviews')).toBeTruthy();
    const link = within(dialog).getByRole('link', { name: 'https://www.trustpilot.com/reviews/65c8a1' });
    expect(link.getAttribute('href')).toBe('https://www.trustpilot.com/reviews/65c8a1');
    expect(link.getAttribute('rel')).toContain('noopener');
    for (const name of ['Note', 'Tags', 'Sentiment', 'Channel']) expect(screen.getByLabelText(name)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('presets sentiment and channel from the extraction, and "Not set" when there was no rating', () => {
    renderDialog();
    expect((screen.getByRole('combobox', { name: 'Sentiment' }) as HTMLSelectElement).value).toBe('positive');
    expect((screen.getByRole('combobox', { name: 'Channel' }) as HTMLSelectElement).value).toBe('review');
    cleanup();
    renderDialog({ draft: draft({ sentiment: null, channel: 'forum' }) });
    const sentiment = screen.getByRole('combobox', { name: 'Sentiment' }) as HTMLSelectElement;
    expect(sentiment.value).toBe('');
    expect(sentiment.selectedOptions[0]!.textContent).toBe('Not set');
    expect((screen.getByRole('combobox', { name: 'Channel' }) as HTMLSelectElement).value).toBe('forum');
  });

  it('never offers a link that is not http(s)', () => {
    renderDialog({ draft: draft({ source: { ...draft().source, permalink: 'javascript:alert(1)' } }) });
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('saves on Enter with the NewCapture built from the draft, says so, and closes after 1.5 s', async () => {
    const { hub, user, onClose, timers } = renderDialog();
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Third report this week');
    await user.type(tagsBox(), 'Export{Enter}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sentiment' }), 'negative');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'support');
    await user.click(tagsBox());
    await user.keyboard('{Enter}');
    expect(hub.saves()).toEqual([{
      name: 'capture.save',
      args: {
        capture: {
          text: 'The export keeps timing out on big workspaces.',
          note: 'Third report this week',
          tags: ['export'],
          sentiment: 'negative',
          channel: 'support',
          source: draft().source,
          anchor: draft().anchor,
        },
      },
    }]);
    expect((await screen.findByText('Saved on this device — syncing now')).getAttribute('role')).toBe('status');
    expect(saveButton()).toHaveProperty('disabled', true);
    expect(onClose).not.toHaveBeenCalled();
    expect(timers.map((t) => t.ms)).toEqual([1500]);
    timers[0]!.run();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('is a two-keystroke capture: Enter right after opening saves the presets', async () => {
    const { hub, user } = renderDialog();
    await user.keyboard('{Enter}');
    expect(hub.saves()).toHaveLength(1);
    expect(hub.saves()[0]!.args).toMatchObject({ capture: { note: '', tags: [], sentiment: 'positive', channel: 'review' } });
  });

  it('says the capture will sync later when the server is away', async () => {
    const hub = fakeHub(async () => saved(false));
    const { user } = renderDialog({ hub });
    await user.click(saveButton());
    expect(await screen.findByText('Saved on this device — will sync when the server is back')).toBeTruthy();
  });

  it('keeps plain Enter in the note for new lines, and saves on Ctrl+Enter or Cmd+Enter there', async () => {
    const { hub, user } = renderDialog();
    const note = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    await user.type(note, 'line one{Enter}line two');
    expect(note.value).toBe('line one\nline two');
    expect(hub.saves()).toHaveLength(0);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(hub.saves()).toHaveLength(1);
    expect(hub.saves()[0]!.args).toMatchObject({ capture: { note: 'line one\nline two' } });
  });

  it('saves on Cmd+Enter in the note too', async () => {
    const { hub, user } = renderDialog();
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'mac{Meta>}{Enter}{/Meta}');
    expect(hub.saves()).toHaveLength(1);
  });

  it('cancels on Esc, from any field, without saving', async () => {
    const { hub, user, onClose } = renderDialog();
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'draft{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(hub.saves()).toHaveLength(0);
  });

  it('cancels with the Cancel button', async () => {
    const { user, onClose } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows a hub error as an alert and keeps the draft, so Save can be tried again', async () => {
    const hub = fakeHub(async () => { throw new HubCallError('internal', 'Closeloop restarted in the background; try again.'); });
    const { user, onClose } = renderDialog({ hub });
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'keep me');
    await user.type(tagsBox(), 'billing,');
    await user.click(saveButton());
    expect((await screen.findByRole('alert')).textContent).toBe('Closeloop restarted in the background; try again.');
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('keep me');
    expect(screen.getByRole('button', { name: 'Remove tag billing' })).toBeTruthy();
    expect(saveButton()).toHaveProperty('disabled', false);
    expect(onClose).not.toHaveBeenCalled();

    hub.state.answer = async () => saved();
    await user.click(saveButton());
    expect(await screen.findByText('Saved on this device — syncing now')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(hub.saves()).toHaveLength(2);
    expect(hub.saves()[1]!.args).toEqual(hub.saves()[0]!.args);
  });

  it('warns about a duplicate before saving; plain Save is refused by the hub, Save anyway stores it', async () => {
    const hub = fakeHub(async (_name, args) => ((args as { allowDuplicate?: boolean }).allowDuplicate
      ? saved() : { id: null, duplicateOf: 'cap_old', savedLocally: false, syncing: true }));
    const { user } = renderDialog({ hub, live: false });
    hub.push('status', status());
    hub.push('captureContext', context({ duplicateOf: { id: 'cap_old', capturedBy: 'mem_sam', capturedAt: '2024-03-01T10:00:00.000Z' } }));
    expect(screen.getByText('Already captured on 1 Mar 2024.')).toBeTruthy();

    await user.click(saveButton());
    expect(hub.saves()[0]!.args).not.toHaveProperty('allowDuplicate');
    expect((await screen.findByRole('alert')).textContent).toContain('Not saved');
    expect(screen.queryByText(/Saved on this device/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    expect(hub.saves()[1]!.args).toMatchObject({ allowDuplicate: true, capture: { text: draft().text } });
    expect(await screen.findByText('Saved on this device — syncing now')).toBeTruthy();
  });

  it('learns of a duplicate from a refused save even when the hub had not said so before', async () => {
    const hub = fakeHub(async () => ({ id: null, duplicateOf: 'cap_old', savedLocally: false, syncing: true }));
    const { user } = renderDialog({ hub });
    expect(screen.queryByRole('button', { name: 'Save anyway' })).toBeNull();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Already captured from this page.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save anyway' })).toBeTruthy();
  });

  it('says when this browser has not joined a workspace and opens the options page on request', async () => {
    const { hub, user } = renderDialog({ live: false });
    hub.push('status', status({ state: 'not_joined', workspace: null, me: null }));
    hub.push('captureContext', context({ canWrite: false }));
    expect(screen.getByText(/not joined a Closeloop workspace/)).toBeTruthy();
    expect(screen.queryByText(/read-only/)).toBeNull();
    expect(saveButton()).toHaveProperty('disabled', true);
    await user.keyboard('{Enter}');
    expect(hub.saves()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Open Closeloop options' }));
    expect(hub.calls).toEqual([{ name: 'openPage', args: { page: 'options' } }]);
    // Joined in the other tab: the same dialog can now save the same draft.
    hub.push('status', status());
    hub.push('captureContext', context());
    expect(saveButton()).toHaveProperty('disabled', false);
  });

  it('says a read-only invite cannot capture and disables Save', () => {
    const { hub } = renderDialog({ live: false });
    hub.push('status', status({ me: { id: 'mem_me', name: 'Dana', role: 'viewer' } }));
    hub.push('captureContext', context({ canWrite: false }));
    expect(screen.getByText(/Your invite is read-only/)).toBeTruthy();
    expect(saveButton()).toHaveProperty('disabled', true);
  });

  it('does not call a replica that is still loading read-only', () => {
    const { hub } = renderDialog({ live: false });
    hub.push('status', status({ state: 'loading' }));
    hub.push('captureContext', context({ canWrite: false }));
    expect(screen.queryByText(/read-only/)).toBeNull();
    expect(saveButton()).toHaveProperty('disabled', false);
  });

  it('asks the hub about this text on this page', () => {
    const { hub } = renderDialog();
    expect(hub.subscriptions('captureContext').map((s) => s.args)).toEqual([
      { text: 'The export keeps timing out on big workspaces.', url: 'https://www.trustpilot.com/review/acme-widgets.com' },
    ]);
    expect(hub.subscriptions('status')).toHaveLength(1);
  });

  it('notes a selection that was cut to the limit', () => {
    renderDialog({ draft: draft({ text: 'x'.repeat(10_000), selectedLength: 123_456 }) });
    expect(screen.getByText('Selection cut to 10,000 characters (it had 123,456)')).toBeTruthy();
  });

  it('shows markup in a selection as text, never as elements', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';
    const { view } = renderDialog({ draft: draft({ text: hostile, source: { ...draft().source, author: '<i>Mallory</i>', title: '<svg onload=alert(3)>' } }) });
    expect(screen.getByText(hostile).tagName).toBe('BLOCKQUOTE');
    expect(screen.getByText('<i>Mallory</i>')).toBeTruthy();
    expect(view.container.querySelector('img, script, b, i, svg')).toBeNull();
  });

  it('ignores clicks and key presses a page script makes up', () => {
    const { hub } = renderDialog();
    saveButton().dispatchEvent(forged(new MouseEvent('click', { bubbles: true })));
    tagsBox().dispatchEvent(forged(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    expect(hub.saves()).toHaveLength(0);
  });

  it('with the browser\'s own check, click() and dispatched events never save (only the browser can mark an event trusted)', async () => {
    const hub = fakeHub(async () => saved());
    const model = createCaptureModel({ hub: hub.client, draft: draft(), onDone: () => {} });
    render(<CaptureDialog model={model} isTrusted={isTrustedEvent} onClose={() => {}} />);
    hub.push('status', status());
    hub.push('captureContext', context());
    saveButton().click();
    fireEvent.keyDown(tagsBox(), { key: 'Enter' });
    expect(hub.saves()).toHaveLength(0);
  });

  it('keeps Tab inside the dialog and gives focus back when it closes', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'page button';
    document.body.append(outside);
    outside.focus();
    const { user, view } = renderDialog();
    const dialog = screen.getByRole('dialog');
    saveButton().focus();
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    const first = document.activeElement;
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(saveButton());
    await user.tab();
    expect(document.activeElement).toBe(first);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(saveButton());
    view.unmount();
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});
