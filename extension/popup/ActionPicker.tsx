/** @module A short list of actions to link a capture to, each with its own "Link" button (and a similarity score when suggested). */
import type { Action } from '../../shared/schema/records';
import { ACTION_STATUS_LABELS } from './format';

export interface ActionPickerProps {
  label: string;
  items: { action: Action; score?: number }[];
  disabled: boolean;
  onLink(actionId: string): void;
  onOpen(actionId: string): void;
}

export function ActionPicker({ label, items, disabled, onLink, onOpen }: ActionPickerProps) {
  return (
    <ul class="pp-picks" aria-label={label}>
      {items.map(({ action, score }) => (
        <li key={action.id}>
          <button type="button" class="pp-link-button" onClick={() => onOpen(action.id)}>{action.title}</button>
          <span class="pp-pick-meta">
            {score !== undefined && <span class="pp-score" title="How alike the texts read">{Math.round(score * 100)}% alike</span>}
            <span class={`pp-status is-${action.status}`}>{ACTION_STATUS_LABELS[action.status]}</span>
          </span>
          <button type="button" class="pp-small" aria-label={`Link to ${action.title}`} disabled={disabled} onClick={() => onLink(action.id)}>Link</button>
        </li>
      ))}
    </ul>
  );
}
