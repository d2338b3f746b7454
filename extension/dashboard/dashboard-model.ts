/**
 * @module The dashboard's state: the period and filters (kept in the address, so a view can be
 * bookmarked or shared), and live queries for the charts, the cluster themes, the outcomes and the
 * filter menus. Changing a filter re-asks all of them; the hub pushes changes as they happen.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { DashboardFilter } from '../../shared/dashboard/keys';
import { isPeriod, type PeriodId } from '../../shared/dashboard/periods';
import { CHANNELS, type Channel } from '../../shared/schema/constants';
import { createExportModel, type ExportModel } from '../export/export-model';
import type { HubClient } from '../messaging/hub-client';
import { deferredQuery, liveQuery, type LiveQuery } from '../ui/live-query';
import type { QueryArgs } from '../messaging/protocol';
import type { PageEnv } from './page-env';

export interface DashboardModel {
  period: ReadonlySignal<PeriodId>;
  filter: ReadonlySignal<DashboardFilter>;
  setPeriod(period: PeriodId): void;
  setFilter(patch: Partial<Record<keyof DashboardFilter, string>>): void;
  status: LiveQuery<'status'>;
  dashboard: LiveQuery<'dashboard'>;
  themes: LiveQuery<'dashboardThemes'>;
  outcomes: LiveQuery<'outcomes'>;
  facets: LiveQuery<'facets'>;
  exporter: ExportModel;
  openReport(): void;
  dispose(): void;
}

/** Reads `#period=90&site=…&channel=…&tag=…`; anything unknown is left out. */
export function parseHash(hash: string): { period: PeriodId; filter: DashboardFilter } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const period = params.get('period');
  const channel = params.get('channel');
  const filter: DashboardFilter = {};
  if (params.get('site')) filter.site = params.get('site')!;
  if (channel && (CHANNELS as readonly string[]).includes(channel)) filter.channel = channel as Channel;
  if (params.get('tag')) filter.tag = params.get('tag')!;
  return { period: isPeriod(period) ? period : '30', filter };
}

export function toHash(period: PeriodId, filter: DashboardFilter): string {
  const params = new URLSearchParams({ period });
  for (const key of ['site', 'channel', 'tag'] as const) if (filter[key]) params.set(key, filter[key]!);
  return `#${params}`;
}

export function createDashboardModel(hub: HubClient, env: PageEnv): DashboardModel {
  const initial = parseHash(env.window.location.hash);
  const period = signal(initial.period);
  const filter = signal(initial.filter);
  const args = () => ({ period: period.value, filter: filter.value });
  const dashboard = liveQuery(hub, 'dashboard', args());
  const status = liveQuery(hub, 'status', {});
  // The heavier queries (clustering, outcomes) and the filter menus are asked for once the charts
  // have their numbers, so the hub answers the first paint before it starts on them.
  const later = <Q extends 'facets' | 'dashboardThemes' | 'outcomes'>(name: Q, a: () => QueryArgs<Q>): LiveQuery<Q> => {
    const query = deferredQuery(hub, name);
    const stop = dashboard.value.subscribe((v) => { if (v) { query.update(a()); queueMicrotask(() => stop()); } });
    return query;
  };
  // The benchmark reads this mark: when the hub's first answer arrived (the paint mark follows it).
  const stopMark = dashboard.value.subscribe((v) => {
    if (!v) return;
    env.window.performance?.mark('closeloop:dashboard-data');
    queueMicrotask(() => stopMark());
  });
  const facets = later('facets', () => ({}));
  const themes = later('dashboardThemes', args);
  const outcomes = later('outcomes', () => ({ ...args(), limit: 25 }));
  const refresh = () => {
    env.window.history.replaceState(null, '', toHash(period.value, filter.value));
    dashboard.update(args());
    if (dashboard.value.value) {
      themes.update(args());
      outcomes.update({ ...args(), limit: 25 });
    }
  };
  return {
    period, filter, status, dashboard, themes, outcomes, facets,
    setPeriod(next) {
      period.value = next;
      refresh();
    },
    setFilter(patch) {
      const next: DashboardFilter = { ...filter.value };
      for (const [key, value] of Object.entries(patch) as [keyof DashboardFilter, string][]) {
        if (value) (next as Record<string, string>)[key] = value;
        else delete next[key];
      }
      filter.value = next;
      refresh();
    },
    exporter: createExportModel(hub, () => ({ from: 'dashboard', ...args() }), env.save),
    openReport: () => void env.openTab('/report.html'),
    dispose() {
      for (const q of [dashboard, status, facets, themes, outcomes]) q.dispose();
    },
  };
}
