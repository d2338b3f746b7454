/**
 * @module Background entrypoint: the hub that owns the workspace replica. In Firefox's MV2 build it
 * is a persistent background page (MV3 event pages are suspended when idle, open socket or not).
 */
import { defineBackground } from 'wxt/utils/define-background';
import { setupBackground } from '../../hub/setup-background';

export default defineBackground({ type: 'module', persistent: { firefox: true }, main: () => void setupBackground() });
