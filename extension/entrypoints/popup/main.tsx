/** @module Popup entrypoint: mounts triage (inbox, actions, details) from extension/popup. */
import { setupPopup } from '../../popup/setup-popup';
import '../../ui/base.css';
import '../../popup/popup.css';
import '../../popup/cadence.css';

setupPopup(document.getElementById('app')!);
