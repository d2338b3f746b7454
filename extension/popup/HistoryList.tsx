/** @module A record's activity history, newest first: who changed what, when, from what to what, in words. */
import type { ActivityEntry } from '../../shared/schema/records';
import { fullTime, relativeAge } from './format';
import { describeEntry } from './history-words';

export interface HistoryListProps {
  id: string;
  entries: ActivityEntry[];
  nameOf(memberId: string): string;
  now: number;
}

export function HistoryList({ id, entries, nameOf, now }: HistoryListProps) {
  return (
    <section class="pp-section" aria-labelledby={id}>
      <h3 id={id}>History</h3>
      {entries.length === 0 ? <p class="cl-muted">No changes yet.</p> : (
        <ol class="pp-history">
          {entries.map((entry) => (
            <li key={entry.id}>
              <span>{describeEntry(entry, nameOf, now)}</span>
              <time dateTime={entry.at} title={fullTime(entry.at)}>{relativeAge(entry.at, now)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
