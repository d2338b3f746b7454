/**
 * @module What the redaction found in the quote and what it will save instead: one checkbox per
 * item to keep it as it stands. Everything not kept is replaced before the capture leaves the page.
 */
import { KIND_WORDS, REDACTION_LABELS, type Finding } from '../../../shared/redact/detect';
import type { TrustCheck } from '../trust';

export interface PersonalDataNoticeProps {
  findings: readonly Finding[];
  kept: ReadonlySet<string>;
  disabled: boolean;
  isTrusted: TrustCheck;
  onToggle(value: string): void;
}

export function PersonalDataNotice({ findings, kept, disabled, isTrusted, onToggle }: PersonalDataNoticeProps) {
  // One line per distinct value: the same address twice is one decision.
  const distinct = [...new Map(findings.map((f) => [f.value, f])).values()];
  if (distinct.length === 0) return null;
  const replaced = distinct.filter((f) => !kept.has(f.value)).length;
  return (
    <fieldset class="cl-notice cl-notice-info cl-personal" disabled={disabled}>
      <legend class="cl-personal-title">
        Personal data: {replaced === 0 ? 'all kept as written' : `${replaced} of ${distinct.length} replaced before saving`}
      </legend>
      <ul class="cl-personal-list">
        {distinct.map((f) => (
          <li key={f.value}>
            <label class="cl-check">
              <input type="checkbox" checked={kept.has(f.value)} 
                // A page script may click inside our open shadow root; only the person decides what is kept.
                onClick={(e) => { if (!isTrusted(e)) e.preventDefault(); }}
                onChange={(e) => { if (isTrusted(e)) onToggle(f.value); }}
                aria-label={`Keep ${KIND_WORDS[f.kind]} ${f.value}`} />
              <span>Keep {KIND_WORDS[f.kind]} <bdi class="cl-personal-value">{f.value}</bdi></span>
              {!kept.has(f.value) && <span class="cl-muted"> → saved as {REDACTION_LABELS[f.kind]}</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
