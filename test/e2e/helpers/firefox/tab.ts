/**
 * @module One Firefox tab driven through Marionette, as a person uses it: elements are found by
 * their role and accessible name as Firefox's accessibility engine computes them (open shadow
 * roots included, so the content script's button and dialog too), clicks and keys are real input.
 */
import { writeFileSync } from 'node:fs';
import { waitFor } from '../../../integration/helpers/wait-for';
import type { FirefoxProfile } from './launch';
import type { ElementRef } from './marionette';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Elements that may carry each role, narrowed before asking Firefox for the computed role. */
const CANDIDATES: Record<string, string> = {
  button: 'button, [role="button"], input[type="button"], input[type="submit"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  textbox: 'input:not([type]), input[type="text"], input[type="search"], textarea, [role="textbox"]',
  combobox: 'select, input[list], [role="combobox"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  dialog: 'dialog, [role="dialog"], [role="alertdialog"]',
};

/** Every element matching `selector` in the document and in every open shadow root under it. */
const DEEP_QUERY = `
  const [selector, within] = arguments;
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(selector)) found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(within ?? document);
  return found;`;

export type Name = string | RegExp;

export class FirefoxTab {
  constructor(private readonly profile: FirefoxProfile, readonly handle: string) {}

  /** Makes this tab Marionette's current window, then sends. */
  private async send<T>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.profile.current !== this.handle) {
      await this.profile.marionette.send('WebDriver:SwitchToWindow', { handle: this.handle, focus: true });
      this.profile.current = this.handle;
    }
    return (await this.profile.marionette.send<{ value: T }>(command, params)).value;
  }

  async goto(url: string): Promise<void> {
    await this.send('WebDriver:Navigate', { url });
  }

  url(): Promise<string> {
    return this.send<string>('WebDriver:GetCurrentURL');
  }

  async reload(): Promise<void> {
    await this.send('WebDriver:Refresh');
  }

  /** Runs `body` (a function body; `arguments` holds `args`) in the page and returns its value. */
  evaluate<T>(body: string, ...args: unknown[]): Promise<T> {
    return this.send<T>('WebDriver:ExecuteScript', { script: body, args });
  }

  /** Like `evaluate`, for a body that returns a promise. */
  evaluateAsync<T>(body: string, ...args: unknown[]): Promise<T> {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((async function () { ${body} }).apply(null, Array.from(arguments).slice(0, -1)))
        .then((value) => done({ value }), (error) => done({ error: String(error) }));`;
    return this.send<{ value?: T; error?: string }>('WebDriver:ExecuteAsyncScript', { script, args }).then((result) => {
      if (result.error !== undefined) throw new Error(result.error);
      return result.value as T;
    });
  }

  /** The elements with this role and accessible name that are on screen now. */
  async queryAllByRole(role: string, name: Name, within?: ElementRef): Promise<ElementRef[]> {
    const candidates = await this.evaluate<ElementRef[]>(DEEP_QUERY, CANDIDATES[role] ?? `[role="${role}"]`, within ?? null);
    const matches: ElementRef[] = [];
    for (const element of candidates) {
      const id = idOf(element);
      if (await this.send<string>('WebDriver:GetComputedRole', { id }) !== role) continue;
      const label = await this.send<string>('WebDriver:GetComputedLabel', { id });
      if (!(typeof name === 'string' ? label === name : name.test(label))) continue;
      if (await this.send<boolean>('WebDriver:IsElementDisplayed', { id })) matches.push(element);
    }
    return matches;
  }

  /** Waits for the first element with this role and name. */
  getByRole(role: string, name: Name, { within, timeoutMs = 30_000 }: { within?: ElementRef; timeoutMs?: number } = {}): Promise<ElementRef> {
    return waitFor(`the ${role} "${String(name)}"`, async () => (await this.queryAllByRole(role, name, within))[0], { timeoutMs, intervalMs: 100 });
  }

  async click(element: ElementRef): Promise<void> {
    await this.send('WebDriver:ElementClick', { id: idOf(element) });
  }

  async clickRole(role: string, name: Name): Promise<void> {
    await this.click(await this.getByRole(role, name));
  }

  async fill(element: ElementRef, text: string): Promise<void> {
    await this.send('WebDriver:ElementClear', { id: idOf(element) });
    await this.send('WebDriver:ElementSendKeys', { id: idOf(element), text });
  }

  /** Presses keys (WebDriver key codes, e.g. '\uE007' for Enter) on the focused element. */
  async press(element: ElementRef, keys: string): Promise<void> {
    await this.send('WebDriver:ElementSendKeys', { id: idOf(element), text: keys });
  }

  async value(element: ElementRef): Promise<string> {
    return this.send<string>('WebDriver:GetElementProperty', { id: idOf(element), name: 'value' });
  }

  /** Selects a paragraph with a real triple click (three pointer clicks in a row at its centre). */
  async tripleClick(element: ElementRef): Promise<void> {
    await this.evaluate('arguments[0].scrollIntoView({ block: "center" });', element);
    const click = [{ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }];
    await this.send('WebDriver:PerformActions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', origin: element, x: 0, y: 0 }, ...click, ...click, ...click,
      ] }],
    });
    await this.send('WebDriver:ReleaseActions');
  }

  /** Moves the real pointer to (x, y) in the viewport, as a person's mouse does (pointermove events follow). */
  async hover(x: number, y: number): Promise<void> {
    await this.send('WebDriver:PerformActions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y) },
      ] }],
    });
    await this.send('WebDriver:ReleaseActions');
  }

  async querySelector(selector: string): Promise<ElementRef> {
    return waitFor(`an element matching ${selector}`, async () => (await this.evaluate<ElementRef[]>(DEEP_QUERY, selector, null))[0]);
  }

  /** The visible text of the page. */
  text(): Promise<string> {
    return this.evaluate<string>('return document.body.innerText;');
  }

  /** The visible text of one element (our shadow roots' too). */
  textOf(element: ElementRef): Promise<string> {
    return this.evaluate<string>('return arguments[0].innerText;', element);
  }

  async waitForText(pattern: Name, timeoutMs = 60_000): Promise<void> {
    await waitFor(`the page to show ${String(pattern)}`, async () => {
      const text = await this.text();
      return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
    }, { timeoutMs, intervalMs: 100 });
  }

  /** Sizes this tab's window so the page itself (not the window) is `width` x `height`. */
  async setViewport(width: number, height: number): Promise<void> {
    const inner = await this.evaluate<{ w: number; h: number; ow: number; oh: number }>(
      'return { w: window.innerWidth, h: window.innerHeight, ow: window.outerWidth, oh: window.outerHeight };');
    await this.send('WebDriver:SetWindowRect', { width: width + inner.ow - inner.w, height: height + inner.oh - inner.h });
  }

  async screenshot(path: string): Promise<void> {
    writeFileSync(path, Buffer.from(await this.send<string>('WebDriver:TakeScreenshot', {}), 'base64'));
  }
}

function idOf(element: ElementRef): string {
  return (element as Record<string, string>)[ELEMENT] ?? Object.values(element)[0]!;
}
