/**
 * @module Starts the popup: asks storage for the cached last view and the hub for the Inbox at
 * once (a cold service worker starts waking now), renders the shell, then paints the Inbox from
 * the cache if the hub has not answered by the time the cache is read.
 */
import { render } from 'preact';
import { connectHub, type HubClient } from '../messaging/hub-client';
import { createPopupModel, readViewCache, type PopupModel } from './popup-model';
import { PopupApp } from './PopupApp';
import { popupEnv, type PopupEnv } from './popup-env';

export function setupPopup(root: HTMLElement, env: PopupEnv = popupEnv(), hub: HubClient = connectHub()): PopupModel {
  // The storage read is an IPC round trip: start it before anything else so it overlaps the rest.
  const cache = readViewCache(env);
  const model = createPopupModel(hub, env);
  render(<PopupApp model={model} />, root);
  void cache.then((cached) => model.applyCache(cached));
  env.window.addEventListener('pagehide', () => {
    model.dispose();
    hub.close();
  });
  return model;
}
