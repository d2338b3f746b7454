/**
 * @module One Firefox ESR profile with the built extension installed temporarily through WebDriver
 * BiDi (`webExtension.install`): Debian's firefox-esr, headless, a fresh profile folder, optionally
 * an enterprise policy (policies.json with a `3rdparty` section, as an administrator deploys it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { waitFor } from '../../../integration/helpers/wait-for';
import { E2E_BUILD_DIR } from '../browser';
import { Bidi } from './bidi';
import { Marionette } from './marionette';
import { FirefoxTab } from './tab';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(E2E_BUILD_DIR, 'firefox-mv2');
/** The add-on id from wxt.config.ts (`browser_specific_settings.gecko.id`). */
export const ADDON_ID = 'closeloop@closeloop.dev';
/** Firefox gives each install a random moz-extension host; the profile pins it so tests know the URLs. */
const ADDON_UUID = '0c1e5e10-5eed-4e57-8a11-c105e1005e10';
/** How Firefox names the add-on's widgets (toolbar button, sidebar): its id with other characters as "_". */
export const WIDGET_ID = ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');

export interface FirefoxOptions {
  /** The `3rdparty.Extensions` entry for this add-on in policies.json (what `storage.managed` returns). */
  policy?: Record<string, unknown>;
}

export class FirefoxProfile {
  /** Which tab Marionette currently talks to (it has one current window at a time). */
  current: string | null = null;

  constructor(
    readonly marionette: Marionette,
    readonly bidi: Bidi,
    private readonly process: ChildProcess,
    private readonly dir: string,
  ) {}

  extensionUrl(path: string): string {
    return `moz-extension://${ADDON_UUID}/${path.replace(/^\//, '')}`;
  }

  /** Opens `url` in a new tab (or window, for pages that need their own size) and returns it. */
  async open(url: string, type: 'tab' | 'window' = 'tab'): Promise<FirefoxTab> {
    const { handle } = await this.marionette.send<{ handle: string }>('WebDriver:NewWindow', { type, focus: true });
    const tab = new FirefoxTab(this, handle);
    await tab.goto(url);
    return tab;
  }

  /** Every open tab, including those the extension opened itself. */
  async tabs(): Promise<FirefoxTab[]> {
    const handles = await this.marionette.send<string[]>('WebDriver:GetWindowHandles');
    return handles.map((handle) => new FirefoxTab(this, handle));
  }

  async openExtensionPage(path: string, type: 'tab' | 'window' = 'tab'): Promise<FirefoxTab> {
    return this.open(this.extensionUrl(path), type);
  }

  /** Runs `body` in the browser window itself (Marionette's chrome context), e.g. to open the sidebar. */
  async inBrowserWindow<T>(body: string): Promise<T> {
    await this.marionette.send('Marionette:SetContext', { value: 'chrome' });
    try {
      const script = `const done = arguments[arguments.length - 1]; (async () => { ${body} })().then(done, (e) => done({ error: String(e) }));`;
      return (await this.marionette.send<{ value: T }>('WebDriver:ExecuteAsyncScript', { script, args: [] })).value;
    } finally {
      await this.marionette.send('Marionette:SetContext', { value: 'content' });
    }
  }

  /** Opens the add-on's sidebar (its `sidebar_action`) as View → Sidebar → Closeloop does; resolves with the page it shows. */
  async showSidebar(): Promise<string> {
    return this.inBrowserWindow<string>(`
      await SidebarController.show(${JSON.stringify(`${WIDGET_ID}-sidebar-action`)});
      const browser = SidebarController.browser.contentDocument.getElementById('webext-panels-browser');
      for (let i = 0; i < 100 && !(browser?.currentURI?.spec ?? '').startsWith('moz-extension:'); i++) await new Promise((r) => setTimeout(r, 100));
      return browser?.currentURI?.spec ?? '';`);
  }

  /** A screenshot of the whole browser window (toolbar, sidebar and page), as a person sees it. */
  async screenshotWindow(path: string): Promise<void> {
    await this.marionette.send('Marionette:SetContext', { value: 'chrome' });
    try {
      const { value } = await this.marionette.send<{ value: string }>('WebDriver:TakeScreenshot', {});
      writeFileSync(path, Buffer.from(value, 'base64'));
    } finally {
      await this.marionette.send('Marionette:SetContext', { value: 'content' });
    }
  }

  async close(): Promise<void> {
    const exited = new Promise((done) => (this.process.exitCode !== null ? done(null) : this.process.once('exit', done)));
    this.bidi.close();
    await this.marionette.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => {});
    this.marionette.close();
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function userPrefs(dir: string, options: FirefoxOptions): string {
  const prefs: Record<string, string | number | boolean> = {
    'marionette.port': 0, // a free port, written to MarionetteActivePort in the profile
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.disabledForTesting': true,
  };
  if (options.policy) {
    writeFileSync(join(dir, 'policies.json'), JSON.stringify({ policies: { '3rdparty': { Extensions: { [ADDON_ID]: options.policy } } } }));
    // Firefox reads policies.json from a profile-chosen path only under automation (the pref below
    // plus MOZ_DISABLE_NONLOCAL_CONNECTIONS); everywhere else it lives in /etc/firefox/policies/.
    prefs['browser.policies.alternatePath'] = join(dir, 'policies.json');
    prefs['security.turn_off_all_security_so_that_viruses_can_take_over_this_computer'] = true;
  }
  return Object.entries(prefs).map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`).join('\n');
}

export async function launchFirefox(name = 'firefox', options: FirefoxOptions = {}): Promise<FirefoxProfile> {
  const dir = mkdtempSync(join(tmpdir(), `closeloop-${name}-`));
  writeFileSync(join(dir, 'user.js'), userPrefs(dir, options));
  const child = spawn(FIREFOX, [
    '--headless', '--no-remote', '--profile', dir, '--marionette', '--remote-debugging-port=0',
    // Lets WebDriver open moz-extension:// pages, which it otherwise refuses to navigate to.
    '--remote-allow-system-access',
  ], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4_000); });
  try {
    const portFile = join(dir, 'MarionetteActivePort');
    await waitFor('Firefox to start Marionette', () => {
      if (child.exitCode !== null) throw new Error(`Firefox exited with ${child.exitCode}: ${stderr}`);
      return existsSync(portFile) && Number(readFileSync(portFile, 'utf8')) > 0;
    }, { timeoutMs: 60_000, intervalMs: 100 });
    const marionette = await Marionette.connect(Number(readFileSync(portFile, 'utf8')));
    const session = await marionette.send<{ capabilities: { webSocketUrl: string } }>('WebDriver:NewSession', { webSocketUrl: true });
    const bidi = await Bidi.connect(session.capabilities.webSocketUrl);
    const profile = new FirefoxProfile(marionette, bidi, child, dir);
    const id = await bidi.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== ADDON_ID) throw new Error(`installed add-on has id ${id}, expected ${ADDON_ID}`);
    return profile;
  } catch (error) {
    const exited = new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
    child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
