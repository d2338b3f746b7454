import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { notifiedStore } from '../../../extension/hub/notified-store';

beforeEach(() => fakeBrowser.reset());

describe('what the notifier remembers', () => {
  it('reads the first release\'s stored shape (version 1) with the new fields empty', async () => {
    // Exactly what the first release wrote: a raw key, no version metadata.
    await fakeBrowser.storage.local.set({ 'notified:team': { assigned: ['act_1'], overdue: ['act_1@2026-11-01'] } });
    expect(await notifiedStore.load('team')).toEqual({
      assigned: ['act_1'], overdue: ['act_1@2026-11-01'], decided: [], reminders: { boardReminded: [], lastDigest: null },
    });
  });

  it('saves and loads the current shape per workspace, and reads junk as nothing known', async () => {
    const state = { assigned: [], overdue: [], decided: ['act_9'], reminders: { boardReminded: ['2026-12-01'], lastDigest: '2026-11-23T09:00:00.000Z' } };
    await notifiedStore.save('team', state);
    expect(await notifiedStore.load('team')).toEqual(state);
    expect(await notifiedStore.load('other')).toBeNull();
    await fakeBrowser.storage.local.set({ 'notified:broken': 'garbage' });
    expect(await notifiedStore.load('broken')).toBeNull();
  });
});
