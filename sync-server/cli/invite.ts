/**
 * @module `npm run invite -- <workspace> [--role editor|viewer] [--expires <days>]`: prints an
 * invite code. Explanations go to stderr; the code is the last line on stdout, so scripts can
 * take it with `| tail -n 1`. Arguments are checked before anything is written.
 */
import { parseArgs } from 'node:util';
import { isRole } from '../../shared/invite';
import { ROLES } from '../../shared/schema/constants';
import { assertWorkspaceId } from '../../shared/workspace-id';
import { issueInvite } from '../auth/invites';
import { publicUrlOf } from '../config';
import { dataDirOrExit, exitWithError, loadConfigOrExit } from './runtime';

const USAGE = 'usage: npm run invite -- <workspace> [--role editor|viewer] [--expires <days>]';

function parse(): { workspace: string; role: (typeof ROLES)[number]; days: number | undefined } {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { role: { type: 'string', default: 'editor' }, expires: { type: 'string' } },
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
  if (!isRole(values.role)) exitWithError(`Invalid role ${JSON.stringify(values.role)}: use ${ROLES.join(' or ')}.`);
  let days: number | undefined;
  if (values.expires !== undefined) {
    days = Number(values.expires);
    if (!Number.isFinite(days) || days <= 0) exitWithError(`Invalid --expires ${JSON.stringify(values.expires)}: give a number of days above 0.`);
  }
  return { workspace, role: values.role, days };
}

const { workspace, role, days } = parse();
const config = loadConfigOrExit();
const dataDir = dataDirOrExit(config);
const server = publicUrlOf(config);
let code: string;
try {
  code = issueInvite({ dataDir, server, workspace, role, expiresInSeconds: days === undefined ? undefined : Math.round(days * 86_400) }).code;
} catch (error) {
  exitWithError((error as Error).message);
}
const validity = days === undefined ? 'valid until revoked' : `valid for ${days} day${days === 1 ? '' : 's'}`;
process.stderr.write(`Invite to workspace "${workspace}" as ${role}, ${validity}, for the server at ${server}.\n`);
process.stderr.write('Paste it into the Closeloop extension (Options > Join a workspace):\n');
process.stdout.write(`${code}\n`);
