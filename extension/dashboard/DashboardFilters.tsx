/** @module The dashboard's period selector and its site, channel and tag filters. */
import { PERIODS, type PeriodId } from '../../shared/dashboard/periods';
import type { DashboardModel } from './dashboard-model';

const PERIOD_WORDS: Record<PeriodId, string> = { '30': 'Last 30 days', '90': 'Last 90 days', '365': 'Last 365 days', all: 'All time' };

export function DashboardFilters({ model }: { model: DashboardModel }) {
  const facets = model.facets.value.value;
  const filter = model.filter.value;
  return (
    <div class="db-filters" role="group" aria-label="Period and filters">
      <span>
        <label for="db-period">Period</label>
        <select id="db-period" value={model.period.value} onChange={(e) => model.setPeriod(e.currentTarget.value as PeriodId)}>
          {PERIODS.map((p) => <option key={p} value={p}>{PERIOD_WORDS[p]}</option>)}
        </select>
      </span>
      <span>
        <label for="db-site">Site</label>
        <select id="db-site" value={filter.site ?? ''} onChange={(e) => model.setFilter({ site: e.currentTarget.value })}>
          <option value="">All sites</option>
          {facets?.sites.map((s) => <option key={s.site} value={s.site}>{s.site}</option>)}
          {filter.site && !facets?.sites.some((s) => s.site === filter.site) && <option value={filter.site}>{filter.site}</option>}
        </select>
      </span>
      <span>
        <label for="db-channel">Channel</label>
        <select id="db-channel" value={filter.channel ?? ''} onChange={(e) => model.setFilter({ channel: e.currentTarget.value })}>
          <option value="">All channels</option>
          {(facets?.channels ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </span>
      <span>
        <label for="db-tag">Tag</label>
        <select id="db-tag" value={filter.tag ?? ''} onChange={(e) => model.setFilter({ tag: e.currentTarget.value })}>
          <option value="">All tags</option>
          {facets?.tags.map((t) => <option key={t.tag} value={t.tag}>{t.tag}</option>)}
          {filter.tag && !facets?.tags.some((t) => t.tag === filter.tag) && <option value={filter.tag}>{filter.tag}</option>}
        </select>
      </span>
    </div>
  );
}
