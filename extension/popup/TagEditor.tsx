/** @module A capture's tags as removable chips, and a field to add one (Enter or the Add button). */
import { useState } from 'preact/hooks';

export interface TagEditorProps {
  tags: string[];
  disabled: boolean;
  onAdd(tag: string): Promise<boolean>;
  onRemove(tag: string): void;
}

export function TagEditor({ tags, disabled, onAdd, onRemove }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const add = async (event: Event) => {
    event.preventDefault();
    const tag = draft.trim();
    if (tag && (await onAdd(tag))) setDraft('');
  };
  return (
    <div class="pp-tag-editor" role="group" aria-labelledby="tags-label">
      <span id="tags-label" class="pp-label">Tags</span>
      <ul class="pp-chips" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} class="pp-chip">
            {tag}
            <button type="button" aria-label={`Remove tag ${tag}`} disabled={disabled} onClick={() => onRemove(tag)}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
        {tags.length === 0 && <li class="cl-muted pp-none">No tags yet</li>}
      </ul>
      <form class="pp-inline-form" onSubmit={add}>
        <input type="text" aria-label="Add a tag" placeholder="Add a tag" maxLength={40} value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit" disabled={disabled || !draft.trim()}>Add</button>
      </form>
    </div>
  );
}
