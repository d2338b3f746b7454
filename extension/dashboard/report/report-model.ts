/** @module The monthly report's state: the month (in the address, `#month=2026-11`) and its live query. */
import { signal, type Signal } from '@preact/signals';
import type { HubClient } from '../../messaging/hub-client';
import { liveQuery, type LiveQuery } from '../../ui/live-query';
import { localCalendarDate } from '../../../shared/util/dates';
import type { PageEnv } from '../page-env';

export interface ReportModel {
  month: Signal<string>;
  setMonth(month: string): void;
  report: LiveQuery<'report'>;
  status: LiveQuery<'status'>;
  print(): void;
  dispose(): void;
}

export function createReportModel(hub: HubClient, env: PageEnv): ReportModel {
  const fromHash = /month=(\d{4}-\d{2})/.exec(env.window.location.hash)?.[1];
  const month = signal(fromHash ?? localCalendarDate(env.now()).slice(0, 7));
  const report = liveQuery(hub, 'report', { month: month.value });
  const status = liveQuery(hub, 'status', {});
  return {
    month, report, status,
    setMonth(next) {
      if (!/^\d{4}-\d{2}$/.test(next)) return;
      month.value = next;
      env.window.history.replaceState(null, '', `#month=${next}`);
      report.update({ month: next });
    },
    print: () => env.window.print(),
    dispose() {
      report.dispose();
      status.dispose();
    },
  };
}
