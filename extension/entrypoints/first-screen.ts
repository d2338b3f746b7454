/**
 * @module The popup's and the side panel's first script (popup/first-screen.ts): a classic
 * deferred script, the only one their built HTML loads, so it runs as soon as the document is
 * parsed. It paints the stored first screen, and once that is on screen loads the application
 * (at once when there is no copy). Built on its own (WXT's unlisted script): it shares no chunk
 * with the application.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { afterNextPaint } from '../popup/after-paint';
import { loadApplication, pageBuild, pagePath, pageStorage, paintFirstScreen } from '../popup/first-screen';

export default defineUnlistedScript(() => {
  const root = document.getElementById('app');
  const shown = root && paintFirstScreen(root, pageStorage(), pagePath(location), pageBuild(document), performance);
  if (shown) afterNextPaint(window, () => loadApplication(document));
  else loadApplication(document);
});
