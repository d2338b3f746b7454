/** @module Content script entrypoint: capture (selection button and dialog) in every page's top frame. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { setupCapture } from '../../capture/setup-capture';
// Loaded into our shadow roots by WXT (cssInjectionMode 'ui'), never into the page itself.
import '../../capture/capture.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  cssInjectionMode: 'ui',
  main(ctx) {
    setupCapture(ctx);
  },
});
