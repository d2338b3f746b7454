/** @module A short inline form that asks one title (a new action, a proposal), focused and selected, Esc to cancel. */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface TitleFormProps {
  id: string;
  /** The form's accessible name: "New action", "New proposal". */
  name: string;
  label: string;
  submit: string;
  initial: string;
  busy: boolean;
  hint?: string;
  onSubmit(title: string): Promise<unknown>;
  onCancel(): void;
}

export function TitleForm({ id, name, label, submit, initial, busy, hint, onSubmit, onCancel }: TitleFormProps) {
  const [title, setTitle] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => { input.current?.focus(); input.current?.select(); }, []);
  return (
    <form class="pp-prompt" aria-label={name} onSubmit={(e) => { e.preventDefault(); if (title.trim()) void onSubmit(title.trim()); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onCancel(); } }}>
      <label class="pp-label" for={id}>{label}</label>
      <div class="pp-prompt-row">
        <input ref={input} id={id} type="text" maxLength={200} value={title} aria-describedby={hint ? `${id}-hint` : undefined}
          onInput={(e) => setTitle(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy || !title.trim()}>{submit}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
      {hint && <p id={`${id}-hint`} class="cl-muted pp-small-text pp-form-hint">{hint}</p>}
    </form>
  );
}
