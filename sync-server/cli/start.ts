/**
 * @module `npm start`: the one command for a first look. Runs the sync server (defaults:
 * 127.0.0.1:1234, ./data), makes sure the `demo` workspace exists, and prints the server URL and
 * an editor invite for it. Each step is a function below; `main` lists them in order.
 */
import { issueInvite } from '../auth/invites';
import { loadConfigOrExit, runServer, type RunningServer } from './runtime';

const DEMO_WORKSPACE = 'demo';
const DEMO_NAME = 'Demo';

interface Welcome {
  url: string;
  workspace: string;
  invite: string;
  created: boolean;
  /** Lines about the browser extension; filled by the extension step. */
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

/**
 * The browser extension step. Building it (into .output/chrome-mv3) and explaining how to load it
 * belongs here: return the lines to print. Until then it points at the build command.
 */
async function prepareExtension(): Promise<string[]> {
  return ['Browser extension: build it with `npm run build`, then load .output/chrome-mv3 as an unpacked extension.'];
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
  const extension = await prepareExtension();
  printWelcome({ url: running.url, workspace: DEMO_WORKSPACE, invite, created, extension });
}

await main();
