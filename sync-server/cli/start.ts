/**
 * @module `npm start`: the one command for a first look. Runs the sync server (defaults:
 * 127.0.0.1:1234, ./data), makes sure the `demo` workspace exists, builds the browser extension,
 * and prints the server URL, how to load the extension and an admin invite for `demo` (for one
 * person, "Demo admin": the same member on every start, with a fresh code).
 */
import { issueInvite } from '../auth/invites';
import { readPeople } from '../auth/people';
import { buildExtension } from './build-extension';
import { loadConfigOrExit, runServer, type RunningServer } from './runtime';

const DEMO_WORKSPACE = 'demo';
const DEMO_NAME = 'Demo';
const DEMO_ADMIN = 'Demo admin';

interface Welcome {
  url: string;
  workspace: string;
  invite: string;
  created: boolean;
  /** Lines about the browser extension: where it was built and how to load it. */
  extension: string[];
}

/** Creates `demo` on first run (stored, meta initialised, named "Demo"); a no-op afterwards. */
async function ensureDemoWorkspace(running: RunningServer): Promise<boolean> {
  return running.server.ensureWorkspace(DEMO_WORKSPACE, DEMO_NAME);
}

/** A fresh admin invite for the demo's first person on every start (earlier codes stay valid until revoked). */
function demoInvite(running: RunningServer): string {
  const known = Object.values(readPeople(running.dataDir, DEMO_WORKSPACE).people).find((p) => p.name === DEMO_ADMIN && p.via === 'invite');
  const person = known ? { member: known.id } : { name: DEMO_ADMIN };
  return issueInvite({ dataDir: running.dataDir, server: running.url, workspace: DEMO_WORKSPACE, role: 'admin', ...person, by: 'npm start' }).code;
}

function printWelcome(welcome: Welcome): void {
  const rule = '-'.repeat(72);
  console.log([
    '',
    rule,
    `Closeloop sync server running at ${welcome.url}`,
    welcome.created ? `Created workspace "${welcome.workspace}".` : `Workspace "${welcome.workspace}" is ready.`,
    ...welcome.extension,
    '',
    `Admin invite for "${welcome.workspace}" (paste it into the extension's options page; it invites others from there):`,
    '',
    welcome.invite,
    '',
    'More invites: npm run invite -- <workspace> --name "Full Name" [--role viewer]   Stop: Ctrl+C',
    rule,
    '',
  ].join('\n'));
}

async function main(): Promise<void> {
  const running = await runServer(loadConfigOrExit());
  const created = await ensureDemoWorkspace(running);
  const invite = demoInvite(running);
  const extension = await buildExtension();
  printWelcome({ url: running.url, workspace: DEMO_WORKSPACE, invite, created, extension });
}

await main();
