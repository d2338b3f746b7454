/**
 * @module People end to end, in Chromium with the built extension and the real server: an admin
 * invites Bob from the options page; Bob joins with that code (as the member it names) and
 * captures; the admin revokes Bob, and Bob's extension says so in words within seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeInvite } from '../../shared/invite';
import { createWorkspaceView } from '../../shared/read/workspace-view';
import { connectClient, destroyClients, synced } from '../integration/helpers/clients';
import { removeDir, startTestServer, type TestServer } from '../integration/helpers/test-server';
import { waitFor } from '../integration/helpers/wait-for';
import { launchProfile, type Profile } from './helpers/browser';
import { startFixtureServer } from './helpers/fixture-server';
import { CapturePage, OptionsPage } from './helpers/pages';

const WORKSPACE = 'acme-support';
let server: TestServer;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
const profiles: Profile[] = [];

beforeAll(async () => {
  server = await startTestServer();
  fixtures = await startFixtureServer();
});
afterAll(async () => {
  destroyClients();
  await Promise.all(profiles.map((p) => p.close()));
  await server?.stop();
  await fixtures?.close();
  if (server) removeDir(server.dataDir);
});

describe('people', () => {
  it('an admin invites Bob, Bob joins and captures, the admin revokes Bob and Bob is told', async () => {
    const [ada, bob] = await Promise.all([launchProfile('ada'), launchProfile('bob')]);
    profiles.push(ada, bob);
    const adaOptions = await OptionsPage.open(ada);
    await adaOptions.join(server.invite(WORKSPACE, 'Ada Admin', 'admin').code, 'Ada Admin');
    await adaOptions.waitForState(/^Connected$/);
    await adaOptions.people().getByRole('rowheader', { name: /Ada Admin/ }).waitFor();

    const code = await adaOptions.invitePerson('Bob Field');
    const invite = decodeInvite(code);
    expect(invite).toMatchObject({ workspace: WORKSPACE, name: 'Bob Field', member: expect.stringMatching(/^mem_/) });

    // Bob pastes the code; the name it carries is offered, and he joins as that member.
    const bobOptions = await OptionsPage.open(bob);
    await bobOptions.page.getByLabel('Invite code').fill(code);
    expect(await bobOptions.page.getByLabel('Your name').inputValue()).toBe('Bob Field');
    await bobOptions.page.getByRole('button', { name: 'Connect' }).click();
    await bobOptions.waitForState(/^Connected$/);

    const reviews = await CapturePage.open(bob.context, fixtures.url('trustpilot.html'));
    await reviews.selectParagraph('#closeloop-target');
    await reviews.openDialogFromButton();
    expect(await reviews.save()).toBe('Saved on this device — syncing now');
    const reader = await synced(connectClient(server.url, WORKSPACE, server.invite(WORKSPACE, 'Export script', 'viewer').token));
    const view = createWorkspaceView(reader.doc);
    const captured = await waitFor('Bob’s capture on the server', () => view.captures()[0]);
    expect(captured.capturedBy).toBe(invite.member);
    await waitFor('Ada’s hub to hold Bob’s capture', async () => (await adaOptions.captureCount()) === 1);
    await adaOptions.people().getByRole('button', { name: 'Refresh the list' }).click();
    const bobRow = adaOptions.people().getByRole('row', { name: /Bob Field/ });
    await waitFor('Bob online in the People list', async () => /Online now/.test(await bobRow.innerText()));

    await adaOptions.revokePerson('Bob Field');
    await waitFor('Bob’s extension to say he was revoked', async () => /Token refused/.test(await bobOptions.state())
      && /An administrator revoked your access to this workspace/.test(await bobOptions.problem()), { timeoutMs: 15_000, intervalMs: 100 });
    expect(await bobRow.innerText()).toContain('Revoked');
    // Ada carries on.
    expect(await adaOptions.state()).toBe('Connected');
    reader.destroy();
  });
});
