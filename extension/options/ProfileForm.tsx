/** @module Changing the name your team sees. Keyed by the saved name, so a change elsewhere starts it afresh. */
import { useState } from 'preact/hooks';

export function ProfileForm({ name, busy, onSave }: { name: string; busy: boolean; onSave(name: string): Promise<void> }) {
  const [value, setValue] = useState(name);
  return (
    <section class="cl-card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">You</h2>
      <form onSubmit={(e) => { e.preventDefault(); void onSave(value); }}>
        <label for="profile-name">Your name</label>
        <div class="cl-row">
          <input id="profile-name" type="text" maxLength={80} required value={value}
            onInput={(e) => setValue(e.currentTarget.value)} style={{ flex: 1, width: 'auto' }} />
          <button type="submit" disabled={busy || !value.trim() || value.trim() === name}>Save name</button>
        </div>
      </form>
    </section>
  );
}
