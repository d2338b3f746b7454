/**
 * @module `npm start`: the one command for a first look. Runs the sync server (defaults:
 * 127.0.0.1:1234, ./data), makes sure the `demo` workspace exists, builds the browser extension,
 * and prints the server URL, how to load the extension and an editor invite for `demo`.
 */
import { issueInvite } from '../auth/invites';
import { buildExtension } from './build-extension';
import { loadConfigOrExit, runServer, type RunningServer } from './runtime';

const DEMO_WORKSPACE = 'demo';
const DEMO_NAME = 'Demo';

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

/** A fresh editor invite for `demo` on every start (earlier ones stay valid until revoked). */
function demoInvite(running: RunningServer): string {
  return issueInvite({ dataDir: running.dataDir, server: running.url, workspace: DEMO_WORKSPACE, role: 'editor' }).code;
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
    `Editor invite for "${welcome.workspace}" (paste it into the extension's options page):`,
    '',
    welcome.invite,
    '',
    'More invites: npm run invite -- <workspace> [--role viewer]   Stop: Ctrl+C',
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
