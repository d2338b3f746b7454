/**
 * @module The options page's People section, as an admin uses it: invite a person and copy the
 * code, see everyone with role and last seen, revoke one, turn shared invites off. The hub is real;
 * the server's admin API is an in-memory one (the end-to-end test uses the real server).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AdminApiError, type AdminApi } from '../../../extension/hub/admin-api';
import type { AccessList, PersonAccess } from '../../../extension/messaging/protocol';
import { createOptionsModel } from '../../../extension/options/options-model';
import { OptionsApp } from '../../../extension/options/OptionsApp';
import { decodeInvite } from '../../../shared/invite';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { inMemoryHub, inviteAs } from '../../helpers/in-memory-hub';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

/** The admin API over a list in memory; `calls` records what the hub asked for. */
function fakeAdmin(): AdminApi & { view: AccessList; calls: string[] } {
  const person = (p: Partial<PersonAccess> & { id: string; name: string }): PersonAccess =>
    ({ role: 'editor', via: 'invite', status: 'active', online: false, lastSeenAt: null, ...p });
  const view: AccessList = {
    sharedInvites: { enabled: true, members: 1 },
    people: [
      person({ id: 'mem_admin', name: 'Ada Admin', role: 'admin', online: true }),
      person({ id: 'mem_old', name: 'Old Laptop', via: 'shared', lastSeenAt: new Date(Date.now() - 50 * 3_600_000).toISOString() }),
    ],
  };
  const calls: string[] = [];
  return {
    view, calls,
    async list() {
      calls.push('list');
      return structuredClone(view);
    },
    async invite(invite, { name, role }) {
      calls.push(`invite ${name} ${role}`);
      if (name === 'Taken') throw new AdminApiError('Nope.', 400);
      const id = `mem_${name.toLowerCase().replace(/\W/g, '')}`;
      view.people.push(person({ id, name, role }));
      const code = btoa(JSON.stringify({ server: invite.server, workspace: invite.workspace, token: 'v1.x.y', member: id, name }));
      return { member: id, name, role, code };
    },
    async revoke(_invite, member) {
      calls.push(`revoke ${member}`);
      view.people.find((p) => p.id === member)!.status = 'revoked';
    },
    async disableShared() {
      calls.push('shared off');
      view.sharedInvites.enabled = false;
    },
  };
}

async function adminPage(admin = fakeAdmin()) {
  const h = await inMemoryHub({ invite: inviteAs('admin', 'mem_admin'), name: 'Ada Admin', admin });
  render(<OptionsApp model={createOptionsModel(h.client)} />);
  const section = within(await screen.findByRole('region', { name: 'People' }));
  await section.findByRole('table', { name: 'People in this workspace' });
  return { ...h, admin, section };
}

describe('People (admins)', () => {
  it('is not there for an editor', async () => {
    const h = await inMemoryHub({ invite: inviteAs('editor', 'mem_ed'), admin: fakeAdmin() });
    render(<OptionsApp model={createOptionsModel(h.client)} />);
    await screen.findByRole('heading', { name: 'Connection' });
    await waitFor(() => expect(screen.getByTestId('connection-state').textContent).toBe('Connected'));
    expect(screen.queryByRole('region', { name: 'People' })).toBeNull();
    await expect(h.client.call('access.list', {})).rejects.toThrow('Only a workspace admin can manage people.');
  });

  it('lets an admin, who may write like an editor, change the personal-data setting', async () => {
    const { doc } = await adminPage();
    const redacting = () => createWorkspaceView(doc).settings().redactPersonalData;
    const box = screen.getByRole('checkbox', { name: /^Replace email addresses/ }) as HTMLInputElement;
    const before = redacting();
    expect(box.disabled).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(redacting()).toBe(!before));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists everyone with role, access and last seen', async () => {
    const { section } = await adminPage();
    const rows = section.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole(/cell|rowheader/).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Ada Admin (you)', 'admin', 'Personal invite', 'Online now', ''],
      ['Old Laptop', 'editor', 'Shared invite', '2 d ago', ''],
    ]);
    expect(screen.getByText('Admin: can capture, edit and invite people')).toBeTruthy();
  });

  it('invites a person and shows the code to copy', async () => {
    const { section, admin } = await adminPage();
    fireEvent.input(section.getByLabelText('Name'), { target: { value: 'Bob Field' } });
    fireEvent.change(section.getByRole('combobox', { name: 'Role' }), { target: { value: 'viewer' } });
    fireEvent.click(section.getByRole('button', { name: 'Invite' }));
    const code = (await section.findByLabelText('Invite code for Bob Field')) as HTMLTextAreaElement;
    expect(decodeInvite(code.value)).toMatchObject({ member: 'mem_bobfield', name: 'Bob Field' });
    expect(admin.calls).toContain('invite Bob Field viewer');
    expect(section.getByRole('status', { name: '' }).textContent).toMatch(/Invite for Bob Field ready/);
    await waitFor(() => expect(section.getByRole('rowheader', { name: 'Bob Field' })).toBeTruthy());
    fireEvent.click(section.getByRole('button', { name: 'Done' }));
    expect(section.queryByLabelText('Invite code for Bob Field')).toBeNull();
  });

  it('says why an invite failed and keeps the name', async () => {
    const { section } = await adminPage();
    fireEvent.input(section.getByLabelText('Name'), { target: { value: 'Taken' } });
    fireEvent.click(section.getByRole('button', { name: 'Invite' }));
    expect((await section.findByRole('alert')).textContent).toBe('Nope.');
    expect((section.getByLabelText('Name') as HTMLInputElement).value).toBe('Taken');
  });

  it('revokes one person after asking, and never offers to revoke yourself or a shared invite', async () => {
    const admin = fakeAdmin();
    admin.view.people.push({ id: 'mem_bob', name: 'Bob Field', role: 'editor', via: 'invite', status: 'active', online: true, lastSeenAt: null });
    const { section } = await adminPage(admin);
    expect(section.queryByRole('button', { name: 'Revoke Ada Admin' })).toBeNull();
    expect(section.queryByRole('button', { name: 'Revoke Old Laptop' })).toBeNull();
    fireEvent.click(section.getByRole('button', { name: 'Revoke Bob Field' }));
    const dialog = within(section.getByRole('alertdialog'));
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(dialog.getByRole('button', { name: 'Revoke Bob Field' }));
    await section.findByText('Bob Field was revoked and disconnected.');
    expect(admin.calls).toContain('revoke mem_bob');
    const bob = section.getByRole('rowheader', { name: 'Bob Field' }).closest('tr')!;
    expect(within(bob).getByText('Revoked')).toBeTruthy();
    expect(section.queryByRole('button', { name: 'Revoke Bob Field' })).toBeNull();
  });

  it('turns shared invites off after asking', async () => {
    const { section, admin } = await adminPage();
    fireEvent.click(section.getByRole('button', { name: 'Turn off shared invites' }));
    fireEvent.click(within(section.getByRole('alertdialog')).getByRole('button', { name: 'Turn off shared invites' }));
    await section.findByText('Off: only personal invites work in this workspace.');
    expect(admin.calls).toContain('shared off');
  });
});
