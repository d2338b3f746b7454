/** @module Background entrypoint: the hub that owns the workspace replica. */
import { defineBackground } from 'wxt/utils/define-background';
import { setupBackground } from '../../hub/setup-background';

export default defineBackground({ type: 'module', main: () => void setupBackground() });
