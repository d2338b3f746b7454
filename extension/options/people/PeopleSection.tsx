/** @module The People section of the options page, for workspace admins: invite, list, revoke. */
import { useEffect, useMemo } from 'preact/hooks';
import type { HubClient } from '../../messaging/hub-client';
import { ConfirmBox } from './ConfirmBox';
import { InviteCodeBox } from './InviteCodeBox';
import { InvitePersonForm } from './InvitePersonForm';
import { PeopleTable } from './PeopleTable';
import { createPeopleModel, type PeopleModel } from './people-model';
import { SharedInvitesPanel } from './SharedInvitesPanel';

export function PeopleSection({ hub, me, model: given }: { hub: HubClient; me: string; model?: PeopleModel }) {
  const model = useMemo(() => given ?? createPeopleModel(hub), [hub, given]);
  useEffect(() => () => model.dispose(), [model]);
  const view = model.people.value;
  const asked = model.confirm.value;
  return (
    <section class="cl-card" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <p class="cl-muted">Everyone gets their own invite: what they do is recorded under their name, and you can shut out one person without affecting the others.</p>
      <InvitePersonForm busy={model.busy.value} onInvite={model.invite} />
      {model.invited.value && <InviteCodeBox invited={model.invited.value} onDone={() => { model.invited.value = null; }} />}
      {model.error.value && <p class="cl-alert" role="alert">{model.error.value}</p>}
      {model.notice.value && <p class="cl-notice" role="status">{model.notice.value}</p>}
      {asked && (
        <ConfirmBox
          text={asked.kind === 'revoke'
            ? `Revoke ${asked.person.name}? They are disconnected at once and their invite stops working. What they did stays in the history.`
            : `Turn off shared invites? The ${asked.members} ${asked.members === 1 ? 'person' : 'people'} who joined with one are disconnected; give them personal invites.`}
          confirm={asked.kind === 'revoke' ? `Revoke ${asked.person.name}` : 'Turn off shared invites'}
          onConfirm={() => void model.confirmed()}
          onCancel={() => { model.confirm.value = null; }}
        />
      )}
      {view ? <PeopleTable people={view.people} me={me} busy={model.busy.value} onRevoke={model.askRevoke} /> : <p role="status">Loading people…</p>}
      {view && <SharedInvitesPanel shared={view.sharedInvites} busy={model.busy.value} onTurnOff={model.askSharedOff} />}
      <button type="button" onClick={() => void model.refresh()}>Refresh the list</button>
    </section>
  );
}
