/**
 * @module The popup's shell: header, the Inbox and Actions tabs (each keeps its list mounted while
 * a detail view is open, so scroll and selection survive going back), the shortcuts dialog and
 * the keys that work everywhere (`?` for help).
 */
import { useRef } from 'preact/hooks';
import { ActionsPanel } from './lazy-views';
import { InboxPanel } from './InboxPanel';
import { inDialog, isTypingTarget, useDocumentKeys } from './keys';
import type { PopupModel } from './popup-model';
import { PopupHeader, SetupNotice } from './PopupHeader';
import { ShortcutsDialog } from './ShortcutsDialog';
import { panelId, TabBar, tabId } from './TabBar';
import type { Tab } from './router-model';

const TABS: { id: Tab; label: string }[] = [{ id: 'inbox', label: 'Inbox' }, { id: 'actions', label: 'Actions' }];

export function PopupApp({ model }: { model: PopupModel }) {
  const status = model.status.value;
  const tab = model.router.tab.value;
  // The Actions tab is built on first visit and then kept, like the Inbox.
  const actionsSeen = useRef(false);
  if (tab === 'actions') actionsSeen.current = true;
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
          <TabBar label="Views" idPrefix="main" tabs={TABS} selected={tab} onSelect={(id) => model.router.go({ view: id })} />
          <div role="tabpanel" id={panelId('main', 'inbox')} aria-labelledby={tabId('main', 'inbox')} class="pp-panel" hidden={tab !== 'inbox'}>
            <InboxPanel model={model} active={tab === 'inbox' && !help} />
          </div>
          {actionsSeen.current && (
            <div role="tabpanel" id={panelId('main', 'actions')} aria-labelledby={tabId('main', 'actions')} class="pp-panel"
              hidden={tab !== 'actions'}>
              <ActionsPanel model={model} active={tab === 'actions' && !help} />
            </div>
          )}
        </>
      )}
      {help && <ShortcutsDialog onClose={() => { model.helpOpen.value = false; }} />}
    </div>
  );
}
