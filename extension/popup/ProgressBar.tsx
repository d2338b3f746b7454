/** @module An initiative's progress: done of total as a bar, and how many are overdue; the numbers are read out too. */
import type { InitiativeProgress } from '../../shared/queries/initiatives';
import { plural } from './format';

/** "1 of 3 done, 1 overdue", "No actions yet". */
export function progressWords(progress: InitiativeProgress): string {
  if (progress.total === 0) return 'No actions yet';
  return `${progress.done} of ${progress.total} done${progress.overdue > 0 ? `, ${progress.overdue} overdue` : ''}`;
}

export function ProgressBar({ progress, label }: { progress: InitiativeProgress; label: string }) {
  const share = progress.total === 0 ? 0 : progress.done / progress.total;
  const words = progressWords(progress);
  return (
    <div class="pp-progress">
      <div class="pp-progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={Math.max(progress.total, 1)}
        aria-valuenow={progress.done} aria-valuetext={words}>
        <div class="pp-progress-done" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <p class="pp-progress-words pp-small-text">
        <span>{progress.total === 0 ? words : `${progress.done} of ${progress.total} done`}</span>
        {progress.overdue > 0 && <span class="pp-due is-overdue"> · {plural(progress.overdue, 'overdue', 'overdue')}</span>}
      </p>
    </div>
  );
}
