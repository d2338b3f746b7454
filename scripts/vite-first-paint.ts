/**
 * @module Build steps for the popup's first paint (see bench/popup). Measured in Chromium: every
 * subresource of an extension page costs its first paint a round trip through the browser process
 * (six tiny extra files made a blank page 37 % slower on the 2-core machine), and the popup loaded
 * five scripts and two stylesheets. These plugins bring it to three scripts and no stylesheet:
 * - `popupInOneChunk`: every module the popup and the side panel import statically goes into one
 *   chunk (stylesheets stay with their page), but for what the service worker imports too (the
 *   cache format, browser API, schema constants: one small shared chunk). The options page shares
 *   the chunk for Preact and the hub client. Everything the pages reach only through dynamic
 *   imports (the views loaded on first use) goes into a second chunk, `<chunk>-views`: Rollup
 *   would split it into one file per view and one per module two views share, and a popup opened
 *   at #actions then fetched eleven files before its first paint (190 ms of a 380 ms open).
 * - `inlineStylesheets`: the extension pages' stylesheets are written into their HTML as <style>
 *   (extension pages' CSP limits scripts, not styles).
 * - `appAfterFirstScreen`: a page with the stored first screen (popup/first-screen.ts) names its
 *   application's scripts instead of loading them, and its first script loads them once the copy
 *   is painted. Measured: while the browser fetched and compiled the application's 80 KB during
 *   parsing, the copy painted 40 ms after a blank page's text; loaded after it, at the same time,
 *   and the application's own first render came 9 ms later than before.
 */
import type { OutputAsset } from 'rollup';
import type { Plugin } from 'vite';
import { APP_ENTRY_META, APP_IMPORT_META } from '../extension/popup/first-screen';

const CSS = /\.css($|\?)/;

export function popupInOneChunk(entries: readonly string[] = ['popup', 'sidepanel'], chunk = 'popup-app'): Plugin {
  let building = false;
  return {
    name: 'closeloop:popup-in-one-chunk',
    apply: 'build',
    options(input) {
      const names = input.input && typeof input.input === 'object' && !Array.isArray(input.input) ? Object.keys(input.input) : [];
      building = entries.some((name) => names.includes(name));
      return null;
    },
    outputOptions(output) {
      if (!building) return null;
      const pages = entries.map((name) => `/entrypoints/${name}/`);
      let fromPages: Set<string> | null = null;
      let lazyFromPages: Set<string> | null = null;
      let fromScripts: Set<string> | null = null;
      let fromOtherPages: Set<string> | null = null;
      return {
        ...output,
        manualChunks(id, { getModuleIds, getModuleInfo }) {
          // What the roots import, statically only or through dynamic imports too.
          const reach = (roots: string[], dynamic = false) => {
            const seen = new Set<string>();
            for (const queue = [...roots]; queue.length;) {
              const next = queue.pop()!;
              if (seen.has(next)) continue;
              seen.add(next);
              const info = getModuleInfo(next);
              queue.push(...(info?.importedIds ?? []), ...(dynamic ? info?.dynamicallyImportedIds ?? [] : []));
            }
            return seen;
          };
          if (!fromPages || !lazyFromPages || !fromScripts || !fromOtherPages) {
            const roots = [...getModuleIds()].filter((m) => getModuleInfo(m)?.isEntry);
            const ours = roots.filter((m) => pages.some((p) => m.includes(p)));
            fromPages = reach(ours);
            const reached = fromPages;
            lazyFromPages = new Set([...reach(ours, true)].filter((m) => !reached.has(m)));
            const isPage = (m: string) => /\.html($|\?)/.test(m);
            fromScripts = reach(roots.filter((m) => !isPage(m)), true);
            fromOtherPages = reach(roots.filter((m) => isPage(m) && !ours.includes(m)), true);
          }
          if (CSS.test(id) || id.includes('/entrypoints/')) return undefined;
          // What a script that is not a page (the service worker) reaches too goes into the small shared
          // chunk: the worker must not load UI code. Named, not left to Rollup, which would pull such
          // dependencies into the chunk that imports them, and the worker would import that. A view's
          // module the options page uses too goes with the chunk that page loads already.
          if (fromPages.has(id) || lazyFromPages.has(id)) {
            if (fromScripts.has(id)) return `${chunk}-shared`;
            return fromPages.has(id) || fromOtherPages.has(id) ? chunk : `${chunk}-views`;
          }
          return undefined;
        },
      };
    },
  };
}

export function inlineStylesheets(): Plugin {
  const inlined = new Map<string, string>();
  return {
    name: 'closeloop:inline-stylesheets',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g, (tag, file: string) => {
          const asset = bundle[file] as OutputAsset | undefined;
          if (asset?.type === 'asset') {
            inlined.set(file, String(asset.source));
            delete bundle[file]; // shipped inside the page instead
          }
          const css = inlined.get(file);
          return css === undefined ? tag : `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
        });
      },
    },
  };
}

export function appAfterFirstScreen(loader = '/first-screen.js'): Plugin {
  return {
    name: 'closeloop:app-after-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(`src="${loader}"`)) return html;
        return html
          .replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_, src: string) => `<meta name="${APP_ENTRY_META}" content="${src}">`)
          .replace(/<link rel="modulepreload" crossorigin href="([^"]+)">/g, (_, href: string) => `<meta name="${APP_IMPORT_META}" content="${href}">`);
      },
    },
  };
}
