/** @module Starts the dashboard page: connects to the hub and renders the dashboard. */
import { render } from 'preact';
import { connectHub, type HubClient } from '../messaging/hub-client';
import { createDashboardModel, type DashboardModel } from './dashboard-model';
import { DashboardApp } from './DashboardApp';
import { pageEnv, type PageEnv } from './page-env';

export function setupDashboard(root: HTMLElement, env: PageEnv = pageEnv(), hub: HubClient = connectHub()): DashboardModel {
  const model = createDashboardModel(hub, env);
  render(<DashboardApp model={model} />, root);
  env.window.addEventListener('pagehide', () => {
    model.dispose();
    hub.close();
  });
  return model;
}
