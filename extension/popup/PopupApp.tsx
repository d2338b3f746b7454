/**
 * @module The popup's shell: header, the tabs (Inbox, Actions, Huddle, Board, Initiatives, People),
 * the shortcuts dialog and the keys that work everywhere (`?` for help). Each tab but the Inbox is
 * built on its first visit and then kept mounted (hidden), so its scroll, filters and model
 * survive switching; each is one self-contained panel component, so it can be loaded lazily.
 */
import type { ComponentType } from 'preact';
import { useRef } from 'preact/hooks';
import { ActionsPanel } from './ActionsPanel';
import { BoardPanel } from './BoardPanel';
import { HuddlePanel } from './HuddlePanel';
import { InboxPanel } from './InboxPanel';
import { InitiativesPanel } from './InitiativesPanel';
import { inDialog, isTypingTarget, useDocumentKeys } from './keys';
import { PeopleView } from './PeopleView';
import type { PopupModel } from './popup-model';
import { PopupHeader, SetupNotice } from './PopupHeader';
import type { Tab } from './router-model';
import { ShortcutsDialog } from './ShortcutsDialog';
import { panelId, TabBar, tabId } from './TabBar';

type Panel = ComponentType<{ model: PopupModel; active: boolean }>;

const TABS: { id: Tab; label: string; panel: Panel }[] = [
  { id: 'inbox', label: 'Inbox', panel: InboxPanel },
  { id: 'actions', label: 'Actions', panel: ActionsPanel },
  { id: 'huddle', label: 'Huddle', panel: HuddlePanel },
  { id: 'board', label: 'Board', panel: BoardPanel },
  { id: 'initiatives', label: 'Initiatives', panel: InitiativesPanel },
  { id: 'people', label: 'People', panel: PeopleView },
];

export function PopupApp({ model }: { model: PopupModel }) {
  const status = model.status.value;
  const tab = model.router.tab.value;
  // The Inbox is built at once; every other tab on its first visit, and then kept.
  const seen = useRef(new Set<Tab>(['inbox']));
  seen.current.add(tab);
  const help = model.helpOpen.value;

  useDocumentKeys((event) => {
    if (event.key === '?' && !isTypingTarget(event.target) && !inDialog(event.target)) {
      event.preventDefault();
      model.helpOpen.value = true;
    }
  }, !help);

  const notJoined = status?.state === 'not_joined';
  return (
    <div class="pp-app">
      <PopupHeader status={status} onHelp={() => { model.helpOpen.value = true; }} onOptions={model.openOptions} />
      {status && (notJoined || status.state === 'refused') && <SetupNotice status={status} onOptions={model.openOptions} />}
      {!notJoined && (
        <>
          <TabBar label="Views" idPrefix="main" tabs={TABS} selected={tab} onSelect={(id) => model.router.go({ view: id })} class="pp-tabs pp-main-tabs" />
          {TABS.filter((t) => seen.current.has(t.id)).map(({ id, panel: Panel }) => (
            <div key={id} role="tabpanel" id={panelId('main', id)} aria-labelledby={tabId('main', id)} class="pp-panel" hidden={tab !== id}>
              <Panel model={model} active={tab === id && !help} />
            </div>
          ))}
        </>
      )}
      {help && <ShortcutsDialog onClose={() => { model.helpOpen.value = false; }} />}
    </div>
  );
}
