/**
 * @module A validated, cached read model of a workspace document. Records are parsed once and
 * re-parsed only when a change touches them, so the hub can answer queries over tens of
 * thousands of captures without re-reading the whole document on every keystroke.
 */
import type * as Y from 'yjs';
import type {
  Action, ActivityEntry, BoardMeeting, Capture, Huddle, Initiative, Member, WorkspaceMeta, WorkspaceSettings,
} from '../schema/records';
import { roots, type WorkspaceRoots } from '../doc/roots';
import { readBoardMeeting, readHuddle, readInitiative, readSettings } from './cadence-records';
import { Collection } from './collection';
import { assignInitiativeCodes } from './initiative-codes';
import { readAction, readActivityEntry, readCapture, readMember, readMeta } from './records';
import { emptyReport, type ReadIssue, type ReadReport } from './report';

export interface WorkspaceChange {
  captures: ReadonlySet<string>;
  actions: ReadonlySet<string>;
  members: ReadonlySet<string>;
  huddles: ReadonlySet<string>;
  boards: ReadonlySet<string>;
  initiatives: ReadonlySet<string>;
  meta: boolean;
  settings: boolean;
  activity: boolean;
  /** Keys of the activity entries the transaction added (entries are never changed once written). */
  activityIds: ReadonlySet<string>;
  /** The transaction's origin, so listeners can tell local edits from remote ones. */
  origin: unknown;
}

/** The latest change of an action's status as the activity log tells it: who, when, to what. */
export interface StatusChange {
  at: string;
  actor: string;
  to: string;
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
  huddles(): readonly Huddle[];
  boards(): readonly BoardMeeting[];
  /** Initiatives with their display codes (CX-1 ...), unique even after offline duplicates merged. */
  initiatives(): readonly Initiative[];
  initiative(id: string): Initiative | undefined;
  meta(): WorkspaceMeta;
  settings(): WorkspaceSettings;
  /** The activity log, oldest first (by time, then id, so every replica lists the same order). */
  activity(): readonly ActivityEntry[];
  /** One activity entry by key, parsed once (undefined when absent or malformed). */
  activityEntry(id: string): ActivityEntry | undefined;
  /** Who last changed this action's status, from the log (kept up to date as entries arrive). */
  lastStatusChange(actionId: string): StatusChange | undefined;
  /** Every problem found in the records read so far. */
  report(): ReadReport;
  /** Called after each transaction that changed the document, with the ids it touched. */
  onChange(listener: (change: WorkspaceChange) => void): () => void;
  destroy(): void;
}

type CollectionName = 'captures' | 'actions' | 'members' | 'huddles' | 'boards' | 'initiatives';

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
  const huddles = new Collection(r.huddles, readHuddle);
  const boards = new Collection(r.boards, readBoardMeeting);
  const initiatives = new Collection(r.initiatives, readInitiative);
  const collections: Record<CollectionName, Collection<unknown>> = { captures, actions, members, huddles, boards, initiatives };
  let meta: { value: WorkspaceMeta; report: ReadReport } | null = null;
  let settings: { value: WorkspaceSettings; report: ReadReport } | null = null;
  // Entries never change once written: parse each once, re-sort only when new ones arrive.
  const activityParsed = new Map<string, { entry: ActivityEntry | null; issues: ReadIssue[] }>();
  let activitySorted: ActivityEntry[] | null = null;
  const statusIndex = new Map<string, StatusChange & { id: string }>();
  const listeners = new Set<(change: WorkspaceChange) => void>();

  const parseEntry = (key: string) => {
    let parsed = activityParsed.get(key);
    if (!parsed) {
      const report = emptyReport();
      parsed = { entry: readActivityEntry(key, r.activity.get(key), report), issues: report.issues };
      activityParsed.set(key, parsed);
    }
    return parsed.entry;
  };
  /** Keeps the latest status change per action; entries arrive in any order, so compare (at, id). */
  const indexStatus = (entry: ActivityEntry | null) => {
    if (!entry || entry.verb !== 'action.status' || entry.field !== 'status' || typeof entry.to !== 'string') return;
    const seen = statusIndex.get(entry.targetId);
    if (seen && (seen.at > entry.at || (seen.at === entry.at && seen.id > entry.id))) return;
    statusIndex.set(entry.targetId, { at: entry.at, actor: entry.actor, to: entry.to, id: entry.id });
  };
  for (const key of r.activity.keys()) indexStatus(parseEntry(key));

  const changedIds = (events: Y.YEvent<any>[]): Set<string> => {
    const ids = new Set<string>();
    for (const event of events) {
      if (event.path.length > 0) ids.add(String(event.path[0]));
      else for (const key of event.keys.keys()) ids.add(key);
    }
    return ids;
  };

  const observers = (Object.keys(collections) as CollectionName[]).map((name) => {
    const handler = (events: Y.YEvent<any>[], tr: Y.Transaction) => {
      const ids = changedIds(events);
      collections[name].invalidate(ids);
      if (name === 'actions' && links) [staleLinks, links] = [links, null];
      emit({ [name]: ids }, tr);
    };
    r[name].observeDeep(handler);
    return () => r[name].unobserveDeep(handler);
  });
  const onMeta = (_event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    meta = null;
    emit({ meta: true }, tr);
  };
  const onSettings = (_event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    settings = null;
    emit({ settings: true }, tr);
  };
  const onActivity = (event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    for (const key of event.keysChanged) {
      activityParsed.delete(key);
      if (r.activity.has(key)) indexStatus(parseEntry(key));
    }
    activitySorted = null;
    const ids = new Set(pending?.tr === tr ? pending.change.activityIds ?? [] : []);
    for (const key of event.keysChanged) if (r.activity.has(key)) ids.add(key);
    emit({ activity: true, activityIds: ids }, tr);
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
    const none = new Set<string>();
    const full: WorkspaceChange = {
      captures: change.captures ?? none,
      actions: change.actions ?? none,
      members: change.members ?? none,
      huddles: change.huddles ?? none,
      boards: change.boards ?? none,
      initiatives: change.initiatives ?? none,
      meta: change.meta ?? false,
      settings: change.settings ?? false,
      activity: change.activity ?? false,
      activityIds: change.activityIds ?? none,
      origin: tr.origin,
    };
    for (const listener of listeners) listener(full);
  }
  // afterTransaction runs after all observers of that transaction.
  const onAfterTransaction = () => flush();

  r.meta.observe(onMeta);
  r.settings.observe(onSettings);
  r.activity.observe(onActivity);
  doc.on('afterTransaction', onAfterTransaction);

  const readMetaCached = () => {
    if (!meta) {
      const report = emptyReport();
      meta = { value: readMeta((field) => r.meta.get(field), report), report };
    }
    return meta;
  };
  const readSettingsCached = () => {
    if (!settings) {
      const report = emptyReport();
      settings = { value: readSettings((field) => r.settings.get(field), report), report };
    }
    return settings;
  };
  const readActivity = (): ActivityEntry[] => {
    if (!activitySorted) {
      const list: ActivityEntry[] = [];
      for (const key of r.activity.keys()) {
        const entry = parseEntry(key);
        if (entry) list.push(entry);
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
  // Codes depend on every initiative: recomputed when the list changes, then looked up by id.
  let coded: { list: readonly Initiative[]; all: Initiative[]; byId: Map<string, Initiative> } | null = null;
  const codedInitiatives = () => {
    const list = initiatives.all();
    if (coded?.list !== list) {
      const all = assignInitiativeCodes(list);
      coded = { list, all, byId: new Map(all.map((i) => [i.id, i])) };
    }
    return coded;
  };

  return {
    captures: () => (ensureLinks(), captures.all()),
    capture: (id) => (ensureLinks(), captures.get(id)),
    captureByFingerprint,
    actions: () => actions.all(),
    action: (id) => actions.get(id),
    members: () => members.all(),
    member: (id) => members.get(id),
    huddles: () => huddles.all(),
    boards: () => boards.all(),
    initiatives: () => codedInitiatives().all,
    initiative: (id) => codedInitiatives().byId.get(id),
    meta: () => readMetaCached().value,
    settings: () => readSettingsCached().value,
    activity: readActivity,
    activityEntry: (id) => (r.activity.has(id) ? parseEntry(id) ?? undefined : undefined),
    lastStatusChange(actionId) {
      const found = statusIndex.get(actionId);
      return found ? { at: found.at, actor: found.actor, to: found.to } : undefined;
    },
    report() {
      const issues: ReadIssue[] = [];
      ensureLinks();
      for (const collection of Object.values(collections)) collection.collectIssues(issues);
      issues.push(...readMetaCached().report.issues, ...readSettingsCached().report.issues);
      readActivity();
      for (const parsed of activityParsed.values()) issues.push(...parsed.issues);
      return { issues };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      for (const off of observers) off();
      r.meta.unobserve(onMeta);
      r.settings.unobserve(onSettings);
      r.activity.unobserve(onActivity);
      doc.off('afterTransaction', onAfterTransaction);
      listeners.clear();
    },
  };
}
