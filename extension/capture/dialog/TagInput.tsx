/**
 * @module The Tags field: chips for the tags added, and a text input that is an ARIA 1.2 combobox
 * over the workspace's tags. Comma or Enter adds what is typed; arrows pick a suggestion; Esc closes
 * the list first (and only then the dialog).
 */
import { useId, useState } from 'preact/hooks';
import { suggestTags } from '../tag-text';

export interface TagInputProps {
  tags: readonly string[];
  text: string;
  /** Tags in use in the workspace, most used first. */
  known: readonly { tag: string }[];
  problem: string | null;
  disabled?: boolean;
  onText(text: string): void;
  /** Returns false when the text cannot be a tag (the problem is shown by the caller). */
  onAdd(raw: string): boolean;
  onRemove(tag: string): void;
}

export function TagInput({ tags, text, known, problem, disabled, onText, onAdd, onRemove }: TagInputProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = open ? suggestTags(known, text, tags) : [];
  const expanded = options.length > 0;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const close = () => { setOpen(false); setActive(-1); };
  const add = (raw: string) => {
    if (onAdd(raw)) onText('');
    close();
  };

  const onInput = (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    // A comma ends a tag, whether typed or pasted ("billing, refunds, ").
    const parts = value.split(',');
    const rest = parts.pop() ?? '';
    // A part that cannot be a tag stays in the field, with the problem shown, to be fixed rather than lost.
    const failed = parts.filter((part) => part.trim() !== '' && !onAdd(part));
    onText(failed.length > 0 ? [...failed, rest].join(' ').trim() : parts.length > 0 ? rest.trimStart() : rest);
    setOpen(true);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    const count = suggestTags(known, text, tags).length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (count === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setOpen(true);
        setActive((current) => (open ? (current + step + count) % count : step === 1 ? 0 : count - 1));
        return;
      }
      case 'Enter': {
        const picked = expanded && active >= 0 ? options[active] : undefined;
        if (picked !== undefined) add(picked);
        else if (text.trim() !== '') add(text);
        else return; // empty field: let Enter reach the dialog and save
        event.preventDefault();
        return;
      }
      case 'Escape':
        if (!expanded) return;
        event.preventDefault(); // the dialog stays open; only the list closes
        close();
        return;
      case 'Tab':
        close();
        return;
    }
  };

  return (
    <div class="cl-field">
      <label for={`${id}-input`}>Tags</label>
      {tags.length > 0 && (
        <ul class="cl-chips" aria-label="Tags added">
          {tags.map((tag) => (
            <li key={tag} class="cl-chip">
              <span>{tag}</span>
              <button type="button" class="cl-chip-remove" aria-label={`Remove tag ${tag}`} disabled={disabled}
                onClick={() => onRemove(tag)}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div class="cl-combo">
        <input id={`${id}-input`} type="text" role="combobox" autoComplete="off" spellcheck={false}
          aria-autocomplete="list" aria-expanded={expanded} aria-controls={`${id}-list`}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`} value={text} disabled={disabled}
          onInput={onInput} onKeyDown={onKeyDown} onBlur={close} />
        <ul id={`${id}-list`} role="listbox" aria-label="Tag suggestions" class="cl-listbox" hidden={!expanded}>
          {options.map((tag, i) => (
            <li key={tag} id={optionId(i)} role="option" aria-selected={i === active} class="cl-option"
              // mousedown would move focus out of the input and close the list before the click lands
              onMouseDown={(e) => e.preventDefault()} onClick={() => add(tag)}>
              {tag}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-hint`} class="cl-hint">Comma or Enter adds a tag.</p>
      {problem && <p class="cl-field-problem" role="alert">{problem}</p>}
    </div>
  );
}
