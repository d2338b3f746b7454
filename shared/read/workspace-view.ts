/**
 * @module A validated, cached read model of a workspace document. Records are parsed once and
 * re-parsed only when a change touches them, so the hub can answer queries over tens of
 * thousands of captures without re-reading the whole document on every keystroke.
 */
import type * as Y from 'yjs';
import type { Action, ActivityEntry, Capture, Member, WorkspaceMeta } from '../schema/records';
import { roots, type RecordMap, type WorkspaceRoots } from '../doc/roots';
import { readAction, readActivityEntry, readCapture, readMember, readMeta } from './records';
import { emptyReport, type ReadIssue, type ReadReport } from './report';

export interface WorkspaceChange {
  captures: ReadonlySet<string>;
  actions: ReadonlySet<string>;
  members: ReadonlySet<string>;
  meta: boolean;
  activity: boolean;
  /** The transaction's origin, so listeners can tell local edits from remote ones. */
  origin: unknown;
}

export interface WorkspaceView {
  captures(): readonly Capture[];
  capture(id: string): Capture | undefined;
  /** The capture stored under this dedupe key (same words, same page), if any. */
  captureByFingerprint(fingerprint: string): Capture | undefined;
  actions(): readonly Action[];
  action(id: string): Action | undefined;
  members(): readonly Member[];
  member(id: string): Member | undefined;
  meta(): WorkspaceMeta;
  /** The activity log, oldest first (by time, then id, so every replica lists the same order). */
  activity(): readonly ActivityEntry[];
  /** Every problem found in the records read so far. */
  report(): ReadReport;
  /** Called after each transaction that changed the document, with the ids it touched. */
  onChange(listener: (change: WorkspaceChange) => void): () => void;
  destroy(): void;
}

/** One id-keyed collection: parsed records cached per id and the issues found reading each. */
class Collection<T> {
  private parsed = new Map<string, T | null>();
  private issues = new Map<string, ReadIssue[]>();
  private list: T[] | null = null;

  constructor(
    private readonly map: Y.Map<RecordMap>,
    private readonly read: (id: string, stored: unknown, report: ReadReport) => T | null,
  ) {}

  get(id: string): T | undefined {
    if (!this.parsed.has(id)) {
      if (!this.map.has(id)) return undefined;
      const report = emptyReport();
      this.parsed.set(id, this.read(id, this.map.get(id), report));
      if (report.issues.length) this.issues.set(id, report.issues);
      else this.issues.delete(id);
    }
    return this.parsed.get(id) ?? undefined;
  }

  all(): T[] {
    if (!this.list) {
      const list: T[] = [];
      for (const id of this.map.keys()) {
        const record = this.get(id);
        if (record) list.push(record);
      }
      this.list = list;
    }
    return this.list;
  }

  invalidate(ids: Iterable<string>): void {
    for (const id of ids) {
      this.parsed.delete(id);
      this.issues.delete(id);
    }
    this.list = null;
  }

  collectIssues(into: ReadIssue[]): void {
    this.all();
    for (const list of this.issues.values()) into.push(...list);
  }
}

export function createWorkspaceView(doc: Y.Doc): WorkspaceView {
  const r: WorkspaceRoots = roots(doc);
  const actions = new Collection(r.actions, readAction);
  // Links are stored once, on the action; each capture's actionIds is this reverse index.
  let links: Map<string, string[]> | null = null;
  let staleLinks: Map<string, string[]> | null = null;
  const captures = new Collection(r.captures, (id, stored, report) => {
    const capture = readCapture(id, stored, report);
    if (capture) capture.actionIds = links?.get(id) ?? [];
    return capture;
  });
  /** Rebuilds the reverse index after actions changed and re-reads the captures whose links moved. */
  const ensureLinks = () => {
    if (links) return;
    const next = new Map<string, string[]>();
    for (const action of actions.all()) {
      for (const captureId of action.captureIds) next.set(captureId, [...(next.get(captureId) ?? []), action.id]);
    }
    for (const list of next.values()) list.sort();
    const moved: string[] = [];
    if (staleLinks) {
      for (const id of new Set([...staleLinks.keys(), ...next.keys()])) {
        if ((staleLinks.get(id) ?? []).join() !== (next.get(id) ?? []).join()) moved.push(id);
      }
    }
    links = next;
    staleLinks = null;
    if (moved.length) captures.invalidate(moved);
  };
  const members = new Collection(r.members, readMember);
  let meta: { value: WorkspaceMeta; report: ReadReport } | null = null;
  // Entries never change once written: parse each once, re-sort only when new ones arrive.
  const activityParsed = new Map<string, { entry: ActivityEntry | null; issues: ReadIssue[] }>();
  let activitySorted: ActivityEntry[] | null = null;
  const listeners = new Set<(change: WorkspaceChange) => void>();

  const changedIds = (events: Y.YEvent<any>[]): Set<string> => {
    const ids = new Set<string>();
    for (const event of events) {
      if (event.path.length > 0) ids.add(String(event.path[0]));
      else for (const key of event.keys.keys()) ids.add(key);
    }
    return ids;
  };

  const onCaptures = (events: Y.YEvent<any>[], tr: Y.Transaction) => {
    const ids = changedIds(events);
    captures.invalidate(ids);
    emit({ captures: ids }, tr);
  };
  const onActions = (events: Y.YEvent<any>[], tr: Y.Transaction) => {
    const ids = changedIds(events);
    actions.invalidate(ids);
    if (links) [staleLinks, links] = [links, null];
    emit({ actions: ids }, tr);
  };
  const onMembers = (events: Y.YEvent<any>[], tr: Y.Transaction) => {
    const ids = changedIds(events);
    members.invalidate(ids);
    emit({ members: ids }, tr);
  };
  const onMeta = (_event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    meta = null;
    emit({ meta: true }, tr);
  };
  const onActivity = (event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    for (const key of event.keysChanged) activityParsed.delete(key);
    activitySorted = null;
    emit({ activity: true }, tr);
  };

  // Observers fire per transaction; collect one change per transaction and emit it once.
  let pending: { change: Partial<WorkspaceChange>; tr: Y.Transaction } | null = null;
  function emit(part: Partial<WorkspaceChange>, tr: Y.Transaction) {
    if (pending && pending.tr !== tr) flush();
    pending ??= { change: {}, tr };
    Object.assign(pending.change, part);
  }
  function flush() {
    if (!pending) return;
    const { change, tr } = pending;
    pending = null;
    const full: WorkspaceChange = {
      captures: change.captures ?? new Set(),
      actions: change.actions ?? new Set(),
      members: change.members ?? new Set(),
      meta: change.meta ?? false,
      activity: change.activity ?? false,
      origin: tr.origin,
    };
    for (const listener of listeners) listener(full);
  }
  // afterTransaction runs after all observers of that transaction.
  const onAfterTransaction = () => flush();

  r.captures.observeDeep(onCaptures);
  r.actions.observeDeep(onActions);
  r.members.observeDeep(onMembers);
  r.meta.observe(onMeta);
  r.activity.observe(onActivity);
  doc.on('afterTransaction', onAfterTransaction);

  const readMetaCached = () => {
    if (!meta) {
      const report = emptyReport();
      meta = { value: readMeta((field) => r.meta.get(field), report), report };
    }
    return meta;
  };
  const readActivity = (): ActivityEntry[] => {
    if (!activitySorted) {
      const list: ActivityEntry[] = [];
      for (const [key, stored] of r.activity) {
        let parsed = activityParsed.get(key);
        if (!parsed) {
          const report = emptyReport();
          parsed = { entry: readActivityEntry(key, stored, report), issues: report.issues };
          activityParsed.set(key, parsed);
        }
        if (parsed.entry) list.push(parsed.entry);
      }
      activitySorted = list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    return activitySorted;
  };

  // Rebuilt only when the captures list changes (the view hands out a new array then).
  let fingerprints: { list: readonly Capture[]; index: Map<string, Capture> } | null = null;
  const captureByFingerprint = (fingerprint: string) => {
    ensureLinks();
    const list = captures.all();
    if (fingerprints?.list !== list) {
      const index = new Map<string, Capture>();
      for (const capture of list) if (!index.has(capture.fingerprint)) index.set(capture.fingerprint, capture);
      fingerprints = { list, index };
    }
    return fingerprints.index.get(fingerprint);
  };

  return {
    captures: () => (ensureLinks(), captures.all()),
    capture: (id) => (ensureLinks(), captures.get(id)),
    captureByFingerprint,
    actions: () => actions.all(),
    action: (id) => actions.get(id),
    members: () => members.all(),
    member: (id) => members.get(id),
    meta: () => readMetaCached().value,
    activity: readActivity,
    report() {
      const issues: ReadIssue[] = [];
      ensureLinks();
      captures.collectIssues(issues);
      actions.collectIssues(issues);
      members.collectIssues(issues);
      issues.push(...readMetaCached().report.issues);
      readActivity();
      for (const parsed of activityParsed.values()) issues.push(...parsed.issues);
      return { issues };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      r.captures.unobserveDeep(onCaptures);
      r.actions.unobserveDeep(onActions);
      r.members.unobserveDeep(onMembers);
      r.meta.unobserve(onMeta);
      r.activity.unobserve(onActivity);
      doc.off('afterTransaction', onAfterTransaction);
      listeners.clear();
    },
  };
}
