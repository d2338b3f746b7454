/**
 * @module The workspace's redaction setting: whether the capture dialog replaces personal data
 * (emails, phones, card numbers, IBANs, ID numbers) before a capture leaves the page. On by
 * default; a browser's managed policy wins over it, and then the form says so.
 */
import type { SettingsPatch } from '../../shared/mutations/settings';

export interface RedactionSettingFormProps {
  enabled: boolean;
  canEdit: boolean;
  busy: boolean;
  /** The policy's word on redaction for this browser, if it has one. */
  policy: boolean | null;
  onSave(patch: SettingsPatch): void;
}

export function RedactionSettingForm({ enabled, canEdit, busy, policy, onSave }: RedactionSettingFormProps) {
  return (
    <section class="cl-card" aria-labelledby="redaction-heading">
      <h2 id="redaction-heading">Personal data</h2>
      <label class="cl-row">
        <input type="checkbox" checked={enabled} disabled={!canEdit || busy}
          onChange={(e) => onSave({ redactPersonalData: e.currentTarget.checked })} />
        <span>Replace email addresses, phone numbers, card numbers, IBANs and ID numbers in captures before they leave the page</span>
      </label>
      <p class="cl-muted">
        For the whole workspace. Whoever captures can still keep any one item. A reviewer’s public name or handle is not replaced.
        {policy !== null && ` Your administrator’s policy turns it ${policy ? 'on' : 'off'} on this browser, whatever this says.`}
      </p>
    </section>
  );
}
