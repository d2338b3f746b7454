/**
 * @module Build steps for the popup's first paint (see bench/popup). Measured in Chromium: every
 * subresource of an extension page costs its first paint a round trip through the browser process
 * (six tiny extra files made a blank page 37 % slower on the 2-core machine), and the popup loaded
 * five scripts and two stylesheets. These plugins bring it to three scripts and no stylesheet:
 * - `popupInOneChunk`: every module the popup and the side panel import statically goes into one
 *   chunk (views loaded on first use keep their own chunks; stylesheets stay with their page), but
 *   for what the service worker imports too (the cache format, browser API, schema constants: one
 *   small shared chunk). The options page shares the chunk for Preact and the hub client.
 * - `inlineStylesheets`: the extension pages' stylesheets are written into their HTML as <style>
 *   (extension pages' CSP limits scripts, not styles).
 */
import type { OutputAsset } from 'rollup';
import type { Plugin } from 'vite';

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
      let fromScripts: Set<string> | null = null;
      return {
        ...output,
        manualChunks(id, { getModuleIds, getModuleInfo }) {
          // Everything the pages reach by static imports (dynamic imports start chunks of their own),
          // less what a script that is not a page reaches too: the service worker must not load UI code.
          const reach = (roots: string[]) => {
            const seen = new Set<string>();
            for (const queue = [...roots]; queue.length;) {
              const next = queue.pop()!;
              if (seen.has(next)) continue;
              seen.add(next);
              queue.push(...(getModuleInfo(next)?.importedIds ?? []));
            }
            return seen;
          };
          if (!fromPages || !fromScripts) {
            const roots = [...getModuleIds()].filter((m) => getModuleInfo(m)?.isEntry);
            fromPages = reach(roots.filter((m) => pages.some((p) => m.includes(p))));
            fromScripts = reach(roots.filter((m) => !/\.html($|\?)/.test(m)));
          }
          if (CSS.test(id) || id.includes('/entrypoints/') || !fromPages.has(id)) return undefined;
          // Named too: Rollup would otherwise pull these dependencies into the pages' chunk, and the
          // service worker would import that.
          return fromScripts.has(id) ? `${chunk}-shared` : chunk;
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
