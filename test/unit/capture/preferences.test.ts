// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { watchInPageButton, watchPageSettings, type PreferenceSources } from '../../../extension/capture/preferences';
import { settingsItem } from '../../../extension/settings/settings-item';
import { DEFAULT_PREFERENCES } from '../../../extension/settings/settings';

/** The real settings item on WXT's fake storage, and a managed area the test controls. */
function sources(policy: Record<string, unknown>) {
  const managedListeners = new Set<() => void>();
  const value: PreferenceSources = {
    readSettings: () => settingsItem.getValue(),
    watchSettings: (onChange) => settingsItem.watch(() => onChange()),
    managed: { get: async () => ({ ...policy }) },
    watchManaged: (onChange) => { managedListeners.add(onChange); return () => managedListeners.delete(onChange); },
  };
  return { value, setPolicy(next: Record<string, unknown>) { policy = next; for (const l of managedListeners) l(); } };
}

const save = (inPageButton: boolean) =>
  settingsItem.setValue({ memberId: 'mem_me', name: 'Dana', invite: null, preferences: { ...DEFAULT_PREFERENCES, inPageButton } });

beforeEach(() => fakeBrowser.reset());

describe('the in-page button preference', () => {
  it('starts from the stored setting and follows changes to it', async () => {
    await save(true);
    const onChange = vi.fn();
    const src = sources({});
    const stop = watchInPageButton(onChange, src.value);
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith(true));
    await save(false);
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith(false));
    stop();
    await save(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(onChange.mock.calls).toEqual([[true], [false]]);
  });

  it('lets the administrator\'s policy win, and follows it', async () => {
    await save(true);
    const onChange = vi.fn();
    const src = sources({ inPageButton: false });
    const stop = watchInPageButton(onChange, src.value);
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith(false));
    src.setPolicy({});
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith(true));
    stop();
  });

  it('is on by default for a fresh install', async () => {
    const onChange = vi.fn();
    const stop = watchInPageButton(onChange, sources({}).value);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(true));
    stop();
  });

  it('reads redaction with the button in one go, and follows the policy turning it off', async () => {
    await save(true);
    const onChange = vi.fn();
    const src = sources({});
    const stop = watchPageSettings(onChange, src.value);
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith({ inPageButton: true, redaction: null }));
    src.setPolicy({ redactPersonalData: false });
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith({ inPageButton: true, redaction: false }));
    stop();
  });
});
