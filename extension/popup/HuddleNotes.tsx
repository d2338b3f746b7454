/** @module The huddle's notes: decisions and follow-ups said in the room, each with who wrote it and when; one more at the bottom. */
import { useState } from 'preact/hooks';
import type { HuddleNote } from '../../shared/schema/records';
import { fullTime, relativeAge } from './format';

export interface HuddleNotesProps {
  heading: string;
  notes: HuddleNote[];
  nameOf(memberId: string): string;
  now: number;
  /** Absent when notes can only be read (the last huddle's). */
  onAdd?(text: string): Promise<boolean>;
  disabled?: boolean;
}

export function HuddleNotes({ heading, notes, nameOf, now, onAdd, disabled }: HuddleNotesProps) {
  const [text, setText] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (onAdd && text.trim() && (await onAdd(text.trim()))) setText('');
  };
  return (
    <div class="pp-huddle-notes">
      <p class="pp-label" id="huddle-notes-label">{heading}</p>
      {notes.length > 0 ? (
        <ul class="pp-notes" aria-labelledby="huddle-notes-label">
          {notes.map((note) => (
            <li key={note.id}>
              <span class="pp-note-text">{note.text}</span>
              <span class="cl-muted pp-small-text"> — {nameOf(note.author)}, <time dateTime={note.at} title={fullTime(note.at)}>{relativeAge(note.at, now)}</time></span>
            </li>
          ))}
        </ul>
      ) : onAdd ? null : <p class="cl-muted pp-small-text">No notes.</p>}
      {onAdd && (
        <form class="pp-inline-form" aria-label="Add a note" onSubmit={submit}>
          <input type="text" aria-label="Note" placeholder="A decision or follow-up…" maxLength={2000} value={text}
            disabled={disabled} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="pp-small" disabled={disabled || !text.trim()}>Add note</button>
        </form>
      )}
    </div>
  );
}
