/**
 * @module The Inbox's search and filters: a search field, the status as a segmented control,
 * "Captured by me", and a Filters disclosure with tag, channel, sentiment and site (values from
 * the `facets` query, loaded when first opened). Active filters show as removable chips.
 */
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { CHANNELS, SENTIMENTS } from '../../shared/schema/constants';
import { CHANNEL_LABELS, SENTIMENT_LABELS } from './format';
import { DEFAULT_FILTERS, type InboxFilters as Filters, type InboxModel } from './inbox-model';

const STATUSES: { id: Filters['status']; label: string }[] = [
  { id: 'new', label: 'New' }, { id: 'triaged', label: 'Triaged' }, { id: 'archived', label: 'Archived' }, { id: 'all', label: 'All' },
];
type Extra = 'tag' | 'channel' | 'sentiment' | 'site' | 'source';
const EXTRA_NAMES: Record<Extra, string> = { tag: 'Tag', channel: 'Channel', sentiment: 'Sentiment', site: 'Site', source: 'Review now' };

export function InboxFilters({ inbox, searchRef }: { inbox: InboxModel; searchRef: RefObject<HTMLInputElement> }) {
  const filters = inbox.filters.value;
  const [open, setOpen] = useState(false);
  const active = (Object.keys(EXTRA_NAMES) as Extra[]).filter((key) => filters[key] !== '');
  const facets = inbox.facets.value;
  const optionsFor: Record<Extra, [string, string][]> = {
    tag: (facets?.tags ?? []).map(({ tag, count }) => [tag, `${tag} (${count})`]),
    channel: CHANNELS.map((c) => [c, CHANNEL_LABELS[c]]),
    sentiment: [...SENTIMENTS.map((s): [string, string] => [s, SENTIMENT_LABELS[s]]), ['unset', 'Not set']],
    site: (facets?.sites ?? []).map(({ site, count }) => [site, `${site} (${count})`]),
    source: [['changed', 'Changed since captured'], ['missing', 'No longer on its page']],
  };
  const valueWords = (key: Extra) => optionsFor[key].find(([v]) => v === filters[key])?.[1].replace(/ \(\d+\)$/, '') ?? filters[key];

  return (
    <div class="pp-filters">
      <div class="pp-search-row">
        <span class="pp-search-box">
          {/* Inline, not a CSS data-URL image: decoding one of those costs the first paint an SVG document. */}
          <svg class="pp-search-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.9 3.9-1.06 1.06-3.9-3.9A5.5 5.5 0 1 1 8.5 3zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8z" />
          </svg>
          <input ref={searchRef} type="search" class="pp-search" aria-label="Search captures" placeholder="Search captures  ( / )"
            value={filters.text} onInput={(e) => inbox.setFilter({ text: e.currentTarget.value })} />
        </span>
        <button type="button" class={`pp-filter-button${active.length ? ' is-on' : ''}`} aria-expanded={open} aria-controls="inbox-filter-panel"
          onClick={() => { inbox.loadFacets(); setOpen(!open); }}>
          Filters{active.length > 0 && <span class="pp-count"> {active.length}</span>}
        </button>
      </div>
      <div class="pp-filter-row">
        <fieldset class="pp-segmented">
          <legend class="cl-visually-hidden">Status</legend>
          {STATUSES.map((s) => (
            <label key={s.id} class={filters.status === s.id ? 'is-on' : ''}>
              <input type="radio" name="inbox-status" value={s.id} checked={filters.status === s.id}
                onChange={() => inbox.setFilter({ status: s.id })} />
              {s.label}
            </label>
          ))}
        </fieldset>
        <label class={`pp-toggle${filters.mine ? ' is-on' : ''}`}>
          <input type="checkbox" checked={filters.mine} onChange={(e) => inbox.setFilter({ mine: e.currentTarget.checked })} />
          Captured by me
        </label>
        <label class={`pp-toggle${filters.replyNeeded ? ' is-on' : ''}`}>
          <input type="checkbox" checked={filters.replyNeeded} 
            // The queue runs across statuses: a capture already made an action may still await its reply.
            onChange={(e) => inbox.setFilter(e.currentTarget.checked ? { replyNeeded: true, status: 'all' } : { replyNeeded: false })} />
          Needs a reply
        </label>
        <label class={`pp-toggle${filters.grouped ? ' is-on' : ''}`}>
          <input type="checkbox" checked={filters.grouped} onChange={(e) => inbox.setFilter({ grouped: e.currentTarget.checked })} />
          Group similar
        </label>
      </div>
      {open && (
        <div id="inbox-filter-panel" class="pp-filter-panel">
          {(Object.keys(EXTRA_NAMES) as Extra[]).map((key) => (
            <label key={key} class="pp-field">
              <span>{EXTRA_NAMES[key]}</span>
              <select value={filters[key]} onChange={(e) => inbox.setFilter({ [key]: e.currentTarget.value } as Partial<Filters>)}>
                <option value="">Any</option>
                {filters[key] && !optionsFor[key].some(([v]) => v === filters[key]) && <option value={filters[key]}>{filters[key]}</option>}
                {optionsFor[key].map(([value, words]) => <option key={value} value={value}>{words}</option>)}
              </select>
            </label>
          ))}
        </div>
      )}
      {filters.similarTo && (
        <p class="pp-similar-note">
          Showing captures similar to one another.{' '}
          <button type="button" class="pp-small" onClick={() => inbox.setFilter({ similarTo: '' })}>Show all</button>
        </p>
      )}
      {!open && active.length > 0 && (
        <ul class="pp-chips" aria-label="Active filters">
          {active.map((key) => (
            <li key={key} class="pp-chip">
              {EXTRA_NAMES[key]}: {valueWords(key)}
              <button type="button" aria-label={`Remove filter ${EXTRA_NAMES[key]}: ${valueWords(key)}`}
                onClick={() => inbox.setFilter({ [key]: DEFAULT_FILTERS[key] } as Partial<Filters>)}><span aria-hidden="true">×</span></button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
