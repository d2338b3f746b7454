import { defineConfig } from 'wxt';
import { appAfterFirstScreen, inlineStylesheets, popupInOneChunk } from './scripts/vite-first-paint';

// The extension lives in extension/ (srcDir). Imports are explicit (no auto-imports) so every
// file says where its names come from.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  // Where builds go (default .output); the end-to-end suite builds into its own folder so a
  // concurrent `npm start` never rewrites the extension a test browser has loaded.
  outDir: process.env.EXTENSION_OUT_DIR || '.output',
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Closeloop',
    description: 'Capture customer feedback from any page and turn it into owned, tracked action with your team.',
    permissions: ['storage', 'contextMenus', 'alarms', 'scripting', 'notifications', 'activeTab', 'downloads'],
    host_permissions: ['<all_urls>'],
    commands: {
      'capture-selection': {
        suggested_key: { default: 'Alt+Shift+C', mac: 'Alt+Shift+C' },
        description: 'Capture the selected feedback',
      },
    },
    ...(browser === 'firefox'
      ? {
          // MV2 on purpose (see README, "Firefox"): a persistent background page keeps the hub's
          // socket open; Firefox suspends MV3 event pages after 30 s idle, open socket or not.
          // On the toolbar, not folded into the Extensions menu: the badge is how owners see what is due.
          browser_action: { default_area: 'navbar' },
          browser_specific_settings: {
            gecko: {
              id: 'closeloop@closeloop.dev',
              strict_min_version: '140.0',
              // What a capture sends to the team's own server: the quoted page content and names
              // (the review's author, the member's own name).
              data_collection_permissions: { required: ['websiteContent', 'personallyIdentifyingInfo'] },
            },
          },
        }
      : { storage: { managed_schema: 'managed-schema.json' }, minimum_chrome_version: '116' }),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // Fewer files for the popup's first paint: scripts/vite-first-paint.ts says why.
    plugins: [popupInOneChunk(), inlineStylesheets(), appAfterFirstScreen()],
  }),
});
