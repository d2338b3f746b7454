/** @module State and actions of the People section (admins only), over the hub client. */
import { signal, type Signal } from '@preact/signals';
import type { AccessRole } from '../../../shared/invite';
import type { HubClient } from '../../messaging/hub-client';
import { runCommand } from '../../popup/run-command';
import type { InvitedPerson, AccessList, PersonAccess } from '../../messaging/protocol';

export type PeopleConfirm = { kind: 'revoke'; person: PersonAccess } | { kind: 'shared-off'; members: number };

export interface PeopleModel {
  people: Signal<AccessList | null>;
  busy: Signal<boolean>;
  error: Signal<string | null>;
  notice: Signal<string | null>;
  /** The invite just made, shown once so it can be copied and handed over. */
  invited: Signal<InvitedPerson | null>;
  confirm: Signal<PeopleConfirm | null>;
  refresh(): Promise<void>;
  invite(name: string, role: AccessRole): Promise<boolean>;
  /** Asks first; `confirmed()` does it. */
  askRevoke(person: PersonAccess): void;
  askSharedOff(): void;
  confirmed(): Promise<void>;
  dispose(): void;
}

/** How often the list refreshes while the page is open (last seen, who is online). */
export const PEOPLE_REFRESH_MS = 15_000;

export function createPeopleModel(hub: HubClient, env: { setInterval?: typeof setInterval; clearInterval?: typeof clearInterval } = {}): PeopleModel {
  const people = signal<AccessList | null>(null);
  const busy = signal(false);
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);
  const invited = signal<InvitedPerson | null>(null);
  const confirm = signal<PeopleConfirm | null>(null);

  // Every change is followed by the list as the hub now has it.
  const run = (task: () => Promise<unknown>, done?: string) => runCommand({ busy, error, notice }, async () => {
    await task();
    people.value = await hub.call('access.list', {});
  }, done);

  const refresh = async () => {
    try {
      people.value = await hub.call('access.list', {});
    } catch (failure) {
      error.value = (failure as Error).message;
    }
  };
  const timer = (env.setInterval ?? setInterval)(() => void refresh(), PEOPLE_REFRESH_MS);
  void refresh();

  return {
    people, busy, error, notice, invited, confirm, refresh,
    async invite(name, role) {
      let made: InvitedPerson | null = null;
      const ok = await run(async () => { made = await hub.call('access.invite', { name, role }); });
      if (made) {
        invited.value = made;
        notice.value = `Invite for ${(made as InvitedPerson).name} ready: copy it and give it to them.`;
      }
      return ok;
    },
    askRevoke: (person) => void (confirm.value = { kind: 'revoke', person }),
    askSharedOff: () => void (confirm.value = { kind: 'shared-off', members: people.value?.sharedInvites.members ?? 0 }),
    async confirmed() {
      const asked = confirm.value;
      confirm.value = null;
      if (asked?.kind === 'revoke') {
        await run(() => hub.call('access.revoke', { member: asked.person.id }), `${asked.person.name} was revoked and disconnected.`);
      } else if (asked?.kind === 'shared-off') {
        await run(() => hub.call('access.disableShared', {}), 'Shared invites are off. People who joined with one keep their history.');
      }
    },
    dispose: () => (env.clearInterval ?? clearInterval)(timer),
  };
}
