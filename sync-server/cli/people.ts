/**
 * @module `npm run people -- <workspace>`: the workspace's people as the server knows them (member
 * id, name, role, how they joined, status, last seen) and whether shared invites still work.
 */
import { assertWorkspaceId } from '../../shared/workspace-id';
import { readPeople } from '../auth/people';
import { dataDirOrExit, exitWithError, loadConfigOrExit } from './runtime';

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith('-')) exitWithError('usage: npm run people -- <workspace>');
let workspace: string;
try {
  workspace = assertWorkspaceId(args[0]);
} catch (error) {
  exitWithError((error as Error).message);
}
const dataDir = dataDirOrExit(loadConfigOrExit());
let table;
try {
  table = readPeople(dataDir, workspace);
} catch (error) {
  exitWithError((error as Error).message);
}
const rows = Object.values(table.people).sort((a, b) => a.name.localeCompare(b.name));
console.log(`Workspace "${workspace}": ${rows.length} ${rows.length === 1 ? 'person' : 'people'}; shared invites ${table.sharedInvites ? 'on' : 'off'}.`);
for (const p of rows) {
  const how = p.via === 'shared' ? 'shared invite' : 'personal invite';
  console.log(`  ${p.id}  ${p.name}  ${p.role}  ${how}  ${p.status}  last seen ${p.lastSeenAt ?? 'never'}`);
}
