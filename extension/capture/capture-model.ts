/**
 * @module State and actions of one capture dialog, over the hub client (a fake in tests). The draft
 * and everything typed stay here until a save succeeds, so a failed or refused save loses nothing.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { applyRedaction } from '../../shared/redact/detect';
import { LIMITS, type Channel, type Sentiment } from '../../shared/schema/constants';
import type { HubClient } from '../messaging/hub-client';
import type { CaptureContext, HubStatus, SimilarCapture } from '../messaging/protocol';
import { liveQuery } from '../ui/live-query';
import { toNewCapture, type CaptureDraft } from './capture-draft';
import { cleanTag } from './tag-text';

export type Phase = 'editing' | 'saving' | 'saved';
/** Whether this person can save here: unknown until the hub answers, then one of three. */
export type Access = 'unknown' | 'not_joined' | 'read_only' | 'can_write';

export interface CaptureModel {
  draft: CaptureDraft;
  note: Signal<string>;
  tags: Signal<string[]>;
  /** Text typed in the Tags field but not yet made a tag. */
  tagText: Signal<string>;
  tagProblem: Signal<string | null>;
  sentiment: Signal<Sentiment | null>;
  channel: Signal<Channel>;
  /** Whether personal data is replaced before saving (the administrator's policy may turn it off). */
  redaction: ReadonlySignal<boolean>;
  /** Values of personal-data findings the person chose to keep. */
  kept: Signal<ReadonlySet<string>>;
  status: ReadonlySignal<HubStatus | undefined>;
  context: ReadonlySignal<CaptureContext | undefined>;
  /** Captures of the team that read like this one, with the actions they feed. */
  similar: ReadonlySignal<SimilarCapture[] | undefined>;
  access: ReadonlySignal<Access>;
  /** An earlier capture of this text on this page: known before saving, or learned from a refused save. */
  duplicate: ReadonlySignal<{ capturedAt: string | null } | null>;
  phase: Signal<Phase>;
  error: Signal<string | null>;
  confirmation: Signal<string | null>;
  canSave: ReadonlySignal<boolean>;
  /** Adds a tag (normalised); false, with `tagProblem` set, when it cannot be one. */
  addTag(raw: string): boolean;
  removeTag(tag: string): void;
  /** Keeps one finding as it stands, or replaces it again. */
  toggleKept(value: string): void;
  /** Saves; `linkTo` makes it evidence for that action at once. */
  save(options?: { allowDuplicate?: boolean; linkTo?: string }): Promise<void>;
  openOptions(): Promise<void>;
  dispose(): void;
}

export interface CaptureModelDeps {
  hub: HubClient;
  draft: CaptureDraft;
  /** Called once the confirmation has been shown long enough. */
  onDone(): void;
  /** How long the confirmation stays before the dialog closes. */
  closeDelayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** The policy's word on redaction; null (or absent) leaves it to the workspace's setting. */
  redaction?: ReadonlySignal<boolean | null>;
}

export const SAVED_SYNCING = 'Saved on this device — syncing now';
export const SAVED_OFFLINE = 'Saved on this device — will sync when the server is back';
export const DUPLICATE_REFUSED = 'Not saved: this text from this page is already in the workspace. Choose “Save anyway” to keep a second copy.';

export function createCaptureModel(deps: CaptureModelDeps): CaptureModel {
  const { hub, draft, onDone, closeDelayMs = 1500 } = deps;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const policy = deps.redaction ?? signal<boolean | null>(null);
  const status = liveQuery(hub, 'status', {});
  // The hub hears the quote only as it would be saved with everything replaced, never the personal data.
  const redactedText = applyRedaction(draft.text, draft.personal);
  const context = liveQuery(hub, 'captureContext', { text: redactedText, url: draft.source.url });
  const similar = liveQuery(hub, 'similarCaptures', { text: redactedText, url: draft.source.url });
  const kept = signal<ReadonlySet<string>>(new Set());
  // Policy first, then the workspace's setting; on until the hub has said (nothing unredacted leaves meanwhile).
  const redaction = computed(() => policy.value ?? context.value.value?.redactPersonalData ?? true);
  const phase = signal<Phase>('editing');
  const refusedAsDuplicate = signal(false);
  const tags = signal<string[]>([]);
  const tagProblem = signal<string | null>(null);
  let timer: unknown = null;
  let disposed = false;

  const access = computed<Access>(() => {
    const state = status.value.value?.state;
    if (state === 'not_joined') return 'not_joined';
    const ctx = context.value.value;
    // A replica still loading answers canWrite=false too; only a loaded one means "read-only".
    if (!ctx || state === undefined || state === 'loading') return 'unknown';
    if (!ctx.canWrite || status.value.value?.me?.role === 'viewer') return 'read_only';
    return 'can_write';
  });
  const duplicate = computed(() => {
    const known = context.value.value?.duplicateOf;
    if (known) return { capturedAt: known.capturedAt };
    return refusedAsDuplicate.value ? { capturedAt: null } : null;
  });

  const model: CaptureModel = {
    draft,
    note: signal(''),
    tags,
    tagText: signal(''),
    tagProblem,
    sentiment: signal(draft.sentiment),
    channel: signal(draft.channel),
    redaction,
    kept,
    status: status.value,
    context: context.value,
    similar: similar.value,
    access,
    duplicate,
    phase,
    error: signal<string | null>(null),
    confirmation: signal<string | null>(null),
    canSave: computed(() => phase.value === 'editing' && access.value !== 'not_joined' && access.value !== 'read_only'),
    addTag(raw) {
      const cleaned = cleanTag(raw);
      if (!cleaned.ok) {
        tagProblem.value = cleaned.problem;
        return false;
      }
      tagProblem.value = null;
      if (tags.value.includes(cleaned.tag)) return true;
      if (tags.value.length >= LIMITS.tagsPerCapture) {
        tagProblem.value = `A capture has at most ${LIMITS.tagsPerCapture} tags.`;
        return false;
      }
      tags.value = [...tags.value, cleaned.tag];
      return true;
    },
    removeTag(tag) {
      tags.value = tags.value.filter((t) => t !== tag);
    },
    toggleKept(value) {
      const next = new Set(kept.value);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      kept.value = next;
    },
    async save({ allowDuplicate = false, linkTo } = {}) {
      if (!model.canSave.value) return;
      // Text left in the Tags field is meant as a tag; saving must not drop it silently.
      if (model.tagText.value.trim() !== '') {
        if (!model.addTag(model.tagText.value)) return;
        model.tagText.value = '';
      }
      phase.value = 'saving';
      model.error.value = null;
      const capture = toNewCapture(draft, {
        note: model.note.value, tags: tags.value, sentiment: model.sentiment.value, channel: model.channel.value,
        redact: redaction.value, kept: kept.value,
      });
      try {
        const result = await hub.call('capture.save', {
          capture, ...(allowDuplicate ? { allowDuplicate: true } : {}), ...(linkTo ? { linkTo } : {}),
        });
        if (disposed) return;
        if (result.id === null) {
          refusedAsDuplicate.value = true;
          phase.value = 'editing';
          model.error.value = DUPLICATE_REFUSED;
          return;
        }
        phase.value = 'saved';
        model.confirmation.value = result.syncing ? SAVED_SYNCING : SAVED_OFFLINE;
        timer = setTimer(() => { if (!disposed) onDone(); }, closeDelayMs);
      } catch (failure) {
        if (disposed) return;
        phase.value = 'editing';
        model.error.value = messageOf(failure);
      }
    },
    async openOptions() {
      try {
        await hub.call('openPage', { page: 'options' });
      } catch (failure) {
        if (!disposed) model.error.value = messageOf(failure);
      }
    },
    dispose() {
      disposed = true;
      if (timer !== null) clearTimer(timer);
      status.dispose();
      context.dispose();
      similar.dispose();
    },
  };
  return model;
}

/** HubCallError messages are written for people; anything else gets a plain retry hint. */
function messageOf(failure: unknown): string {
  const message = failure instanceof Error ? failure.message : '';
  return message || 'Could not reach Closeloop. Try again.';
}
