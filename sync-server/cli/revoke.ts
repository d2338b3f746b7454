/**
 * @module `npm run revoke -- <workspace>` raises the workspace's token generation, so every token
 * issued for it so far is refused; `--member <member id or exact name>` revokes one person (their
 * open sockets are closed within a second, everyone else carries on); `--shared` turns off the
 * workspace's shared invites (codes issued before personal invites).
 */
import { parseArgs } from 'node:util';
import { disableSharedInvites, revokeMember } from '../auth/invites';
import { revokeWorkspace } from '../auth/revocations';
import { createAuditLog } from '../audit';
import { assertWorkspaceId } from '../../shared/workspace-id';
import { dataDirOrExit, exitWithError, loadConfigOrExit } from './runtime';

const USAGE = 'usage: npm run revoke -- <workspace> [--member <member id or exact name> | --shared]';

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { member: { type: 'string' }, shared: { type: 'boolean' } } });
} catch (error) {
  exitWithError(`${(error as Error).message}\n${USAGE}`);
}
const { positionals, values } = parsed;
if (positionals.length !== 1 || (values.member !== undefined && values.shared)) exitWithError(USAGE);
let workspace: string;
try {
  workspace = assertWorkspaceId(positionals[0]);
} catch (error) {
  exitWithError((error as Error).message);
}
const config = loadConfigOrExit();
const dataDir = dataDirOrExit(config);
try {
  if (values.member !== undefined) {
    const person = revokeMember(dataDir, workspace, values.member);
    console.log(`Revoked ${person.name} (member ${person.id}) in workspace "${workspace}".`);
    console.log('Running servers close their connections within a second and refuse their tokens from now on; everyone else carries on.');
    console.log(`A fresh invite re-admits them: npm run invite -- ${workspace} --member ${person.id}`);
  } else if (values.shared) {
    const members = disableSharedInvites(dataDir, workspace);
    console.log(`Shared invites are off for workspace "${workspace}": codes issued before personal invites are refused from now on.`);
    console.log(`${members} member${members === 1 ? '' : 's'} joined with them; their history stays. Give each a personal invite: npm run invite -- ${workspace} --member <member id>`);
  } else {
    const generation = revokeWorkspace(dataDir, workspace);
    createAuditLog(dataDir).write('workspace.revoked', { workspace, generation, by: 'cli' });
    console.log(`Revoked every invite and token issued so far for workspace "${workspace}" (now generation ${generation}).`);
    console.log('Running servers refuse them from now on and disconnect members still using them within a second.');
    console.log(`Give members new invites: npm run invite -- ${workspace} --member <member id>  (npm run people -- ${workspace} lists them)`);
  }
} catch (error) {
  exitWithError((error as Error).message);
}
