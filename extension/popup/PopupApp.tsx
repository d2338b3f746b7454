/**
 * @module The popup's shell: header, the tabs (Inbox, Actions, Huddle, Board, Initiatives, People),
 * the shortcuts dialog and the keys that work everywhere (`?` for help). Each tab is built on its
 * first visit and then kept mounted (hidden), so its scroll, filters and model survive switching;
 * each but the Inbox is one self-contained panel loaded on first use (lazy-views.ts).
 */
import type { ComponentType } from 'preact';
import { useRef } from 'preact/hooks';
import { InboxPanel } from './InboxPanel';
import { ActionsPanel, BoardPanel, HuddlePanel, InitiativesPanel, PeopleView } from './lazy-views';
import { inDialog, isTypingTarget, useDocumentKeys } from './keys';
import type { PopupModel } from './popup-model';
import { PopupHeader, SetupNotice } from './PopupHeader';
import { ExportDialog } from './ExportDialog';
import type { Tab } from './router-model';
import { ShortcutsDialog } from './ShortcutsDialog';
import { plural } from '../ui/words';
import { panelId, TabBar, tabId, type TabSpec } from './TabBar';

type Panel = ComponentType<{ model: PopupModel; active: boolean }> & { preload?: () => Promise<void>; loaded?: () => boolean };

const TABS: { id: Tab; label: string; panel: Panel }[] = [
  { id: 'inbox', label: 'Inbox', panel: InboxPanel },
  { id: 'actions', label: 'Actions', panel: ActionsPanel },
  { id: 'huddle', label: 'Huddle', panel: HuddlePanel },
  { id: 'board', label: 'Board', panel: BoardPanel },
  { id: 'initiatives', label: 'Initiatives', panel: InitiativesPanel },
  { id: 'people', label: 'People', panel: PeopleView },
];

/**
 * Loads the code of `tab`'s panel when it is one loaded on first use; resolves at once when it is
 * in the first bundle or loaded already. The popup awaits this before its first render, so a popup
 * opened at #huddle paints the cached Huddle in that render, not "Loading…" and then the Huddle.
 */
export function loadPanel(tab: Tab): Promise<void> | null {
  const panel = TABS.find((t) => t.id === tab)!.panel;
  return panel.preload && !panel.loaded?.() ? panel.preload() : null;
}

export function PopupApp({ model }: { model: PopupModel }) {
  const status = model.status.value;
  const tab = model.router.tab.value;
  // Each tab is built on its first visit and then kept: opening at #huddle builds no hidden Inbox
  // before the Huddle's first paint.
  const seen = useRef(new Set<Tab>([tab]));
  seen.current.add(tab);
  const help = model.helpOpen.value;

  useDocumentKeys((event) => {
    if (event.key === '?' && !isTypingTarget(event.target) && !inDialog(event.target)) {
      event.preventDefault();
      model.helpOpen.value = true;
    }
  }, !help);

  const notJoined = status?.state === 'not_joined';
  // The reply queue's size rides on the Inbox tab (as its description: the tab is still named Inbox).
  const replies = model.counts.value?.repliesNeeded ?? 0;
  const tabs: (TabSpec<Tab> & { panel: Panel })[] = TABS.map((t) => (t.id === 'inbox' && replies > 0
    ? { ...t, label: <>Inbox <span class="pp-count pp-count-reply" aria-hidden="true">{replies}</span></>, name: 'Inbox', description: `${plural(replies, 'reply', 'replies')} needed` }
    : t));
  return (
    <div class="pp-app">
      <PopupHeader status={status} onHelp={() => { model.helpOpen.value = true; }} onOptions={model.openOptions}
        {...(notJoined ? {} : { onDashboard: model.openDashboard, onExport: () => { model.exportOpen.value = true; } })} />
      {status && (notJoined || status.state === 'refused') && <SetupNotice status={status} onOptions={model.openOptions} />}
      {!notJoined && (
        <>
          <TabBar label="Views" idPrefix="main" tabs={tabs} selected={tab} onSelect={(id) => model.router.go({ view: id })} class="pp-tabs pp-main-tabs" />
          {TABS.filter((t) => seen.current.has(t.id)).map(({ id, panel: Panel }) => (
            <div key={id} role="tabpanel" id={panelId('main', id)} aria-labelledby={tabId('main', id)} class="pp-panel" hidden={tab !== id}>
              <Panel model={model} active={tab === id && !help} />
            </div>
          ))}
        </>
      )}
      {help && <ShortcutsDialog onClose={() => { model.helpOpen.value = false; }} />}
      {model.exportOpen.value && <ExportDialog model={model.exporter} onClose={() => { model.exportOpen.value = false; }} />}
    </div>
  );
}
