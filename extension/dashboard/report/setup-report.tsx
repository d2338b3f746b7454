/** @module Starts the monthly report page. */
import { render } from 'preact';
import { connectHub, type HubClient } from '../../messaging/hub-client';
import { pageEnv, type PageEnv } from '../page-env';
import { createReportModel, type ReportModel } from './report-model';
import { ReportApp } from './ReportApp';

export function setupReport(root: HTMLElement, env: PageEnv = pageEnv(), hub: HubClient = connectHub()): ReportModel {
  const model = createReportModel(hub, env);
  render(<ReportApp model={model} />, root);
  env.window.addEventListener('pagehide', () => {
    model.dispose();
    hub.close();
  });
  return model;
}
