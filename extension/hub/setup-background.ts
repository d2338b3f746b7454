/**
 * @module Wires the hub into the service worker. Every listener is registered synchronously at
 * start-up, as MV3 requires for events to wake the worker; the hub loads asynchronously behind them.
 */
import { browser as defaultBrowser, type WxtBrowser as Browser } from 'wxt/browser';
import { HUB_PORT } from '../messaging/protocol';
import { applyPolicy, readPolicy } from '../settings/settings';
import { settingsItem } from '../settings/settings-item';
import { setupBadge } from './badge';
import { CAPTURE_COMMAND, CONTEXT_MENU_ID, createCaptureMenu, openCaptureInTab } from './capture-trigger';
import { probeAuth } from './connection';
import { createHub, type Hub } from './hub';
import { servePort } from './port-router';
import { setupNotifier } from './notifier';
import { openReplica } from './replica';
import { setupPageIndexWriter } from './page-index-writer';
import { setupViewCacheWriter } from './view-cache-writer';

/** Wakes the worker every 30 s: reconnection continues offline without anyone opening the popup, and overdue is re-judged. */
export const RECONNECT_ALARM = 'closeloop-tick';

export function setupBackground(browser: Browser = defaultBrowser, scope: EventTarget = globalThis): Hub {
  const extensionOrigin = browser.runtime.getURL('/');
  const hub = createHub({
    async loadSettings() {
      const stored = await settingsItem.getValue();
      const { policy, problems } = await readPolicy(browser.storage.managed as never);
      return applyPolicy(stored, policy, problems);
    },
    async saveSettings(update) {
      await settingsItem.setValue(update(await settingsItem.getValue()));
    },
    openReplica: (invite, memberId) => openReplica(invite, { events: scope, memberId }),
    checkAuth: (invite) => probeAuth(invite.server, invite.workspace, invite.token),
    async openPage(page, hash) {
      const url = browser.runtime.getURL(`/${page}.html${hash ? `#${hash}` : ''}` as '/options.html');
      await browser.tabs.create({ url });
    },
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== HUB_PORT || port.sender?.id !== browser.runtime.id) return port.disconnect();
    const fromExtensionPage = (port.sender.url ?? '').startsWith(extensionOrigin);
    servePort(hub, port, fromExtensionPage ? 'extension-page' : 'content-script');
  });

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    createCaptureMenu(browser);
    await hub.ready;
    if (reason === 'install' && !hub.status().workspace) await browser.runtime.openOptionsPage();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CONTEXT_MENU_ID) void openCaptureInTab(browser, tab?.id);
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== CAPTURE_COMMAND) return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    void openCaptureInTab(browser, target?.id);
  });

  const badge = setupBadge(browser, hub);
  const notifier = setupNotifier(browser, hub);
  setupViewCacheWriter(browser, hub);
  setupPageIndexWriter(browser.storage.local, hub);

  // One periodic alarm: reconnect while offline, and re-judge "overdue" as the date moves on.
  void browser.alarms.create(RECONNECT_ALARM, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== RECONNECT_ALARM) return;
    if (!['connected', 'not_joined'].includes(hub.status().state)) hub.retryNow();
    badge.refresh();
    notifier.refresh();
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void hub.reload();
  });
  return hub;
}
