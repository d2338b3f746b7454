/** @module Where settings live: one versioned item in `chrome.storage.local`. */
import { storage } from 'wxt/utils/storage';
import { randomId } from '../../shared/util/ids';
import { DEFAULT_PREFERENCES, type Settings } from './settings';

/** Version 1 is the first released shape; add a migration with a fixture of the old shape when it changes. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  version: 1,
  init: () => ({ memberId: randomId('mem'), name: '', invite: null, preferences: { ...DEFAULT_PREFERENCES } }),
});
