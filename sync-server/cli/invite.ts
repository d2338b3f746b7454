/**
 * @module `npm run invite -- <workspace> --name "Ana Field" [--role editor|viewer|admin] [--expires <days>]`
 * prints a personal invite code for a new person (the server picks their member id);
 * `--member <member id or exact name>` instead gives someone already invited a fresh code (and
 * re-admits them when they were revoked). Explanations go to stderr; the code is the last line
 * on stdout, so scripts can take it with `| tail -n 1`. Arguments are checked before anything is written.
 */
import { parseArgs } from 'node:util';
import { ACCESS_ROLES, isRole, type AccessRole } from '../../shared/invite';
import { assertWorkspaceId } from '../../shared/workspace-id';
import { issueInvite } from '../auth/invites';
import { publicUrlOf } from '../config';
import { dataDirOrExit, exitWithError, loadConfigOrExit } from './runtime';

const USAGE = 'usage: npm run invite -- <workspace> (--name "<full name>" | --member <member id or name>) [--role editor|viewer|admin] [--expires <days>]\n  (--role: default editor for someone new; the role they have for --member)';

interface Request { workspace: string; role: AccessRole | undefined; days: number | undefined; name?: string; member?: string }

function parse(): Request {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { role: { type: 'string' }, expires: { type: 'string' }, name: { type: 'string' }, member: { type: 'string' } },
    });
  } catch (error) {
    exitWithError(`${(error as Error).message}\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) exitWithError(USAGE);
  let workspace: string;
  try {
    workspace = assertWorkspaceId(positionals[0]);
  } catch (error) {
    exitWithError((error as Error).message);
  }
  if (values.role !== undefined && !isRole(values.role)) exitWithError(`Invalid role ${JSON.stringify(values.role)}: use ${ACCESS_ROLES.join(', ')}.`);
  if ((values.name === undefined) === (values.member === undefined)) {
    exitWithError(`An invite is for one person: give --name "<full name>" for someone new, or --member <id or name> for someone already invited.`);
  }
  if (values.name !== undefined && values.name.trim() === '') exitWithError('--name is empty: give the person’s name.');
  let days: number | undefined;
  if (values.expires !== undefined) {
    days = Number(values.expires);
    if (!Number.isFinite(days) || days <= 0) exitWithError(`Invalid --expires ${JSON.stringify(values.expires)}: give a number of days above 0.`);
  }
  return { workspace, role: values.role as AccessRole | undefined, days, name: values.name, member: values.member };
}

const request = parse();
const config = loadConfigOrExit();
const dataDir = dataDirOrExit(config);
const server = publicUrlOf(config);
let issued;
try {
  issued = issueInvite({
    dataDir, server, workspace: request.workspace, role: request.role, name: request.name, member: request.member,
    expiresInSeconds: request.days === undefined ? undefined : Math.round(request.days * 86_400),
  });
} catch (error) {
  exitWithError((error as Error).message);
}
const validity = request.days === undefined ? 'valid until revoked' : `valid for ${request.days} day${request.days === 1 ? '' : 's'}`;
process.stderr.write(`Invite for ${issued.name} (member ${issued.member}) to workspace "${request.workspace}" as ${issued.role}, ${validity}, for the server at ${server}.\n`);
process.stderr.write(`Give it to ${issued.name} only; they paste it into the Closeloop extension (Options > Join a workspace):\n`);
process.stdout.write(`${issued.code}\n`);
