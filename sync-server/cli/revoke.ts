/**
 * @module `npm run revoke -- <workspace>`: raises the workspace's token generation, so every
 * token issued for it so far is refused. Running servers re-read the table on the next upgrade
 * and cut connected sockets holding old tokens at their next heartbeat.
 */
import { revokeWorkspace } from '../auth/revocations';
import { assertWorkspaceId } from '../../shared/workspace-id';
import { dataDirOrExit, exitWithError, loadConfigOrExit } from './runtime';

const USAGE = 'usage: npm run revoke -- <workspace>';

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith('-')) exitWithError(USAGE);
let workspace: string;
try {
  workspace = assertWorkspaceId(args[0]);
} catch (error) {
  exitWithError((error as Error).message);
}
const config = loadConfigOrExit();
const dataDir = dataDirOrExit(config);
const generation = revokeWorkspace(dataDir, workspace);
console.log(`Revoked every invite and token issued so far for workspace "${workspace}" (now generation ${generation}).`);
console.log(`Running servers refuse them from now on and disconnect members still using them within ${config.heartbeatMs / 1000} s.`);
console.log(`Give members new invites: npm run invite -- ${workspace}`);
