/**
 * @module One section of the Huddle: its name and full count as the heading, its rows, and
 * "Show all N" when the hub sent only the first rows.
 */
import type { ComponentChildren } from 'preact';
import type { HuddleSectionId } from '../../shared/queries/huddle';

export interface HuddleSectionProps {
  id: HuddleSectionId;
  name: string;
  count: number;
  /** Rows the hub sent. */
  shown: number;
  empty: string;
  onShowAll(): void;
  children: ComponentChildren;
}

export function HuddleSection({ id, name, count, shown, empty, onShowAll, children }: HuddleSectionProps) {
  const nameId = `huddle-${id}-name`;
  return (
    <section class={`pp-hsection is-${id}`} aria-labelledby={nameId}>
      <h3 class="pp-hsection-head">
        <span id={nameId}>{name}</span> <span class={`pp-count${count > 0 ? ' is-some' : ''}`}>{count}</span>
      </h3>
      {count === 0 ? <p class="cl-muted pp-small-text pp-hsection-empty">{empty}</p> : <ul class="pp-hrows" aria-labelledby={nameId}>{children}</ul>}
      {count > shown && (
        <button type="button" class="pp-small pp-show-all" aria-label={`Show all ${count} in ${name}`} onClick={onShowAll}>Show all {count}</button>
      )}
    </section>
  );
}
