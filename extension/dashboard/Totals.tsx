/** @module The period at a glance: captures, mean rating, actions created and done, proposals and decisions, overdue, initiatives. */
import type { DashboardView } from '../../shared/dashboard/views';

export function Totals({ data }: { data: DashboardView }) {
  const t = data.totals;
  const change = t.captures - t.previousCaptures;
  const items: [string, string, string?][] = [
    ['Captures', String(t.captures), `${change >= 0 ? '+' : ''}${change} on the period before`],
    ['Mean rating', t.meanRating === null ? '—' : `${t.meanRating.toFixed(1)} / 5`],
    ['Actions created', String(t.actionsCreated)],
    ['Actions done', String(t.actionsDone)],
    ['Proposals', String(t.proposals), `${t.accepted} accepted, ${t.declined} declined`],
    ['Overdue now', String(t.overdueNow)],
    ['Open initiatives', String(data.initiatives.open)],
  ];
  return (
    <dl class="db-totals">
      {items.map(([name, value, note]) => (
        <div key={name} class="db-total">
          <dt>{name}</dt>
          <dd><strong>{value}</strong>{note && <span class="cl-muted"> {note}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
