/** @module Side panel entrypoint: the same triage app as the popup, filling Chrome's side panel. */
import { setupPopup } from '../../popup/setup-popup';
import '../../ui/base.css';
import '../../popup/popup.css';
import '../../popup/cadence.css';

setupPopup(document.getElementById('app')!);
