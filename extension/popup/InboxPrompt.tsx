/**
 * @module The inline form a triage command asks with: an optional archive reason, a tag to add,
 * or the title of the action or proposal to create (prefilled from the first quote, editable).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { plural } from './format';
import type { InboxModel, InboxPrompt as Prompt } from './inbox-model';

export function InboxPrompt({ inbox, prompt, onDone }: { inbox: InboxModel; prompt: Prompt; onDone(): void }) {
  const [value, setValue] = useState(prompt.kind === 'create' || prompt.kind === 'propose' ? prompt.title : '');
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const n = prompt.ids.length;
  const spec = {
    archive: { heading: `Archive ${plural(n, 'capture')}`, label: 'Reason (optional)', submit: 'Archive', required: false },
    tag: { heading: `Tag ${plural(n, 'capture')}`, label: 'Tag', submit: 'Add tag', required: true },
    create: { heading: n > 1 ? `One action from ${n} captures` : 'New action from this capture', label: 'Action title', submit: 'Create', required: true },
    propose: { heading: `Propose to the change board (${plural(n, 'capture')} as evidence)`, label: 'Proposal title', submit: 'Propose', required: true },
  }[prompt.kind];
  const cancel = () => {
    inbox.prompt.value = null;
    onDone();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (spec.required && !value.trim()) return;
    const ok = prompt.kind === 'archive' ? await inbox.archive(prompt.ids, value)
      : prompt.kind === 'tag' ? await inbox.addTag(prompt.ids, value)
      : (await inbox.createAction(prompt.ids, value.trim(), prompt.kind === 'propose')) !== null;
    if (ok && prompt.kind !== 'create' && prompt.kind !== 'propose') onDone();
  };
  return (
    <form class="pp-prompt" aria-label={spec.heading} onSubmit={submit}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); cancel(); } }}>
      <p class="pp-prompt-title">{spec.heading}</p>
      <div class="pp-prompt-row">
        <input ref={input} id="inbox-prompt-input" type="text" aria-label={spec.label} value={value} maxLength={prompt.kind === 'tag' ? 40 : 200}
          onInput={(e) => setValue(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={inbox.busy.value || (spec.required && !value.trim())}>{spec.submit}</button>
        <button type="button" onClick={cancel}>Cancel</button>
      </div>
    </form>
  );
}
