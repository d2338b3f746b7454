/** @module The keyboard shortcuts, in a dialog opened from the header's help button or with `?`. */
import { Dialog } from './Dialog';

const SHORTCUTS: [keys: string[], what: string][] = [
  [['↓', 'j'], 'Next row'],
  [['↑', 'k'], 'Previous row'],
  [['Enter'], 'Open the row'],
  [['x'], 'Select or unselect the row'],
  [['e'], 'Archive (asks for an optional reason)'],
  [['a'], 'Create an action from the row or the selection'],
  [['/'], 'Search captures'],
  [['Esc'], 'Clear the selection, close, go back'],
  [['←', '→'], 'Switch between tabs (on a tab)'],
  [['?'], 'Show these shortcuts'],
];

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog id="shortcuts" title="Keyboard shortcuts" onClose={onClose}>
      <dl class="pp-shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what}>
            <dt>{keys.map((key, i) => <span key={key}>{i > 0 && <span class="cl-muted"> or </span>}<kbd>{key}</kbd></span>)}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
