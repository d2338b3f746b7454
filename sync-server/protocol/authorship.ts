/**
 * @module The server's authorship check: may this member write this update? It reads the update
 * (`Y.decodeUpdate`), places every new item in the document (update-places.ts) and holds each
 * value that lands on a field of shared/schema/authorship.ts against its rule: activity written
 * as the writer, creators set once to the writer, only one's own member record and own keys.
 * Removals count too, explicit (the update's delete set) or implied (a new value at a map key
 * replaces the old one; a removed map or list removes everything in it). One broken rule refuses
 * the whole update. Items under a Yjs client id bound to another member (auth/client-ids.ts) are
 * that member's: new ones are refused, and ones the server had accepted before and since lost
 * (a restore from an older backup) are checked as written by that member. Runs before the update is applied, synchronously, against the document as
 * it is at that moment, and stops at a deadline (our own code, linear in the update and in what
 * it removes; the decoder has already been proved to stop on these bytes by the guard worker).
 */
import * as Y from 'yjs';
import { AUTHORSHIP_RULES, type AuthorshipRule, type AuthorshipRuleRow } from '../../shared/schema/authorship';
import { ITEM, UpdatePlaces, VOID, type Place, type Segment } from './update-places';

export interface AuthorshipContext {
  /** The member the connection writes as; null for a shared (pre-person) invite not yet bound to one. */
  writer: string | null;
  /** Admins may change any member record. */
  admin: boolean;
  /** For an unbound writer: whether it may become `member` (not someone with a personal invite). */
  mayBind?(member: string): boolean;
  /** performance.now() past which the check gives up (refused as a timeout). */
  deadline?: number;
  /** The member a Yjs client id is bound to and how far the server accepted it, if it is bound. */
  clientOwner?(client: number): { member: string; highWater: number } | undefined;
}

export type AuthorshipVerdict =
  /** `clients`: the client ids the writer's own new items came under, each with its end clock (to bind). */
  | { ok: true; writer: string | null; clients: Map<number, number> }
  | { ok: false; reason: 'forged' | 'timeout'; message: string };

/** The author of an item is the connection's writer (checked, possibly bound) unless it is a relay. */
const WRITER = Symbol('the writer');
type Author = string | typeof WRITER;

const KEY = Symbol('any key');
type Pattern = (string | typeof ITEM | typeof KEY)[];
interface Compiled { rule: AuthorshipRule; pattern: Pattern; field: string }

/** Rules by root, patterns from the record key down: `comments[].author` -> [KEY, 'comments', ITEM, 'author']. */
function compileRules(rows: readonly AuthorshipRuleRow[]): Map<string, Compiled[]> {
  const byRoot = new Map<string, Compiled[]>();
  for (const row of rows) {
    const pattern: Pattern = [KEY];
    if (row.field !== '*') {
      for (const part of row.field.split('.')) {
        if (part === '*') pattern.push(KEY);
        else if (part.endsWith('[]')) pattern.push(part.slice(0, -2), ITEM);
        else pattern.push(part);
      }
    }
    const list = byRoot.get(row.root) ?? [];
    list.push({ rule: row.rule, pattern, field: row.field });
    byRoot.set(row.root, list);
  }
  return byRoot;
}

const RULES = compileRules(AUTHORSHIP_RULES);

/** Per root: whether a rule covers whole records, and the record fields some rule reaches into. */
const RULE_INDEX = new Map([...RULES].map(([root, list]) => [root, {
  wholeRecord: list.some((r) => r.rule === 'own-record' || r.rule === 'append-only'),
  fields: new Set<unknown>(list.map((r) => r.pattern[1])),
}]));
/** Levels of plain objects looked into (a rule's property sits one level in; nothing needs more). */
const MAX_OBJECT_DEPTH = 3;
const TYPE = Symbol('a map or list');
const OTHER = Symbol('text or binary content');
type Value = unknown;

class Refusal extends Error {}

export function checkAuthorship(doc: Y.Doc, update: Uint8Array, ctx: AuthorshipContext): AuthorshipVerdict {
  let writer = ctx.writer;
  let steps = 0;
  /** Whether any rule can apply at `path` or below it (most fields of a record: none). */
  const ruled = (path: readonly Segment[]) => {
    const root = RULE_INDEX.get(path[0] as string);
    return root !== undefined && (path.length < 3 || root.wholeRecord || root.fields.has(path[2]));
  };
  const tick = () => {
    if (ctx.deadline !== undefined && ++steps % 256 === 0 && performance.now() > ctx.deadline) throw new Timeout();
  };
  const show = (segments: readonly Segment[]) => segments.map((s) => (s === ITEM ? '[]' : s)).join('/');
  const refuse = (message: string): never => {
    throw new Refusal(message);
  };
  const must = (member: unknown, where: readonly Segment[], what: string, adminMay = false, author: Author = WRITER) => {
    if (author !== WRITER) {
      if (member !== author) refuse(`${show(where)}: ${what} is ${String(member)} in a change sent back for ${author}`);
      return;
    }
    if (adminMay && ctx.admin) return;
    if (typeof member !== 'string') refuse(`${show(where)}: ${what} names nobody`);
    if (writer === null) {
      if (ctx.mayBind?.(member as string)) return void (writer = member as string);
      refuse(`${show(where)}: ${what} is ${member}, whom a shared invite may not write as (a personal invite's member, or no member id)`);
    }
    if (member !== writer) refuse(`${show(where)}: ${what} is ${member}, not the writer ${writer}`);
  };

  const matches = (pattern: Pattern, path: readonly Segment[], prefix: boolean) => {
    if (prefix ? path.length < pattern.length + 1 : path.length !== pattern.length + 1) return false;
    return pattern.every((p, i) => p === KEY ? typeof path[i + 1] === 'string' : p === path[i + 1]);
  };
  /** Whether a field rule reaches below `path` (so the properties of a plain object there matter). */
  const reachesBelow = (path: readonly Segment[]) => (RULES.get(path[0] as string) ?? []).some((r) =>
    r.rule !== 'own-record' && r.rule !== 'append-only' && r.pattern.length + 1 > path.length
    && path.every((segment, i) => i === 0 || (r.pattern[i - 1] === KEY ? typeof segment === 'string' : r.pattern[i - 1] === segment)));

  /**
   * `newFrom`: index of the first path segment this update creates. `sameSession`: the record the
   * value lands in was created under the same Yjs client id (one transaction cut into several
   * updates, as chunked sync does), which counts as creating it.
   */
  const written = (path: Segment[], value: Value, newFrom: number, author: Author, sameSession = false) => {
    tick();
    if (!ruled(path)) return;
    for (const r of RULES.get(path[0] as string) ?? []) {
      if (r.rule === 'own-record' && path.length >= 2) must(path[1], path.slice(0, 2), 'the member record', true, author);
      else if (r.rule === 'append-only' && path.length >= 2 && newFrom > 1) refuse(`${show(path)}: changes an entry that is written once`);
      else if (r.rule === 'own-key' && matches(r.pattern, path, true)) must(path[r.pattern.length], path, 'the key', false, author);
      else if (matches(r.pattern, path, false)) {
        if (r.rule === 'creator' && newFrom > 1 && !sameSession) refuse(`${show(path)}: rewrites who created an existing record`);
        if (r.rule === 'writer-or-none' && (value === null || value === undefined)) continue;
        if (r.rule !== 'own-record' && r.rule !== 'append-only') must(value, path, r.field, false, author);
      } else if (r.rule === 'writer' && matches(r.pattern.slice(0, -1), path, false)) {
        // What holds the author. A map's fields arrive as items of their own (checked one by one);
        // a plain object must name its author here; nothing (null) names nobody; anything else is junk.
        const prop = r.pattern.at(-1) as string;
        if (value === TYPE || value === null) continue;
        if (!isPlainObject(value) || !Object.hasOwn(value, prop)) refuse(`${show(path)}: written without its ${prop}`);
      }
    }
    if (isPlainObject(value) && path.length < 2 + MAX_OBJECT_DEPTH && reachesBelow(path)) {
      for (const [prop, inner] of Object.entries(value)) written([...path, prop], inner, newFrom, author);
    }
  };

  const removed = (path: Segment[], value: Value) => {
    tick();
    if (!ruled(path)) return;
    for (const r of RULES.get(path[0] as string) ?? []) {
      if (r.rule === 'own-record' && path.length >= 2) must(path[1], path.slice(0, 2), 'the member record', true);
      else if (r.rule === 'append-only' && path.length >= 2) refuse(`${show(path)}: removes an entry that is written once`);
      else if (r.rule === 'own-key' && matches(r.pattern, path, true)) must(path[r.pattern.length], path, 'the key');
      else if (r.rule === 'creator' && matches(r.pattern, path, false)) refuse(`${show(path)}: removes who created the record`);
      else if (r.rule === 'writer' && r.pattern.includes(ITEM) && matches(r.pattern, path, false)) must(value, path, `${r.field} of a removed entry`);
    }
    if (isPlainObject(value) && path.length < 2 + MAX_OBJECT_DEPTH && reachesBelow(path)) {
      for (const [prop, inner] of Object.entries(value)) removed([...path, prop], inner);
    }
  };

  /** A document item (or its part [from, to)) that this update removes, with everything inside it. */
  const seen = new Set<Y.Item>();
  const removeDocItem = (places: UpdatePlaces, item: Y.Item, from = 0, to = item.length) => {
    if (item.deleted || (from === 0 && to === item.length && seen.has(item))) return;
    if (from === 0 && to === item.length) seen.add(item);
    if (!(item.parent instanceof Y.AbstractType)) return;
    const parent = places.placeOfDocType(item.parent);
    if (parent === VOID) return;
    const path: Segment[] = [...parent.segments, item.parentSub ?? ITEM];
    const content = item.content;
    if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
      for (const value of content.arr.slice(from, to)) removed(path, value);
    } else if (content instanceof Y.ContentType) {
      removed(path, TYPE);
      const type = content.type;
      for (const child of type._map.values()) removeDocItem(places, child);
      for (let child = type._start; child !== null; child = child.right) removeDocItem(places, child);
    } else if (!(content instanceof Y.ContentDeleted)) removed(path, OTHER);
  };

  try {
    const { structs, ds } = Y.decodeUpdate(update);
    const places = new UpdatePlaces(doc, structs);
    const clients = new Map<number, number>();
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentDeleted) continue;
      const { client, clock } = struct.id;
      const known = places.known(client);
      const end = clock + struct.length;
      if (end <= known) continue; // the server has it already: a no-op
      const author = authorOf(client, end);
      if (author === WRITER) clients.set(client, Math.max(end, clients.get(client) ?? 0));
      const at = places.locate(struct);
      if (at === VOID) continue;
      const path: Segment[] = [...at.parent.segments, at.key ?? ITEM];
      const newFrom = Math.min(at.parent.newFrom, path.length - 1);
      const sameSession = path.length === 3 && at.parent.existing?._item?.id.client === client;
      const content = struct.content;
      if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
        const skip = Math.max(0, known - struct.id.clock);
        const values = at.key === null ? content.arr.slice(skip) : content.arr.slice(-1);
        for (const value of values) written(path, value, newFrom, author, sameSession);
      } else written(path, content instanceof Y.ContentType ? TYPE : OTHER, newFrom, author, sameSession);
      if (at.key !== null) replaced(places, at.parent, at.key);
    }
    for (const [client, ranges] of ds.clients) {
      const known = places.known(client);
      for (const { clock, len } of ranges) {
        const end = clock + len;
        if (end > known && !places.covers(client, Math.max(clock, known), end, tick)) {
          refuse('it removes changes the server does not have');
        }
        if (clock >= known) continue; // only the update's own new items: nobody else's
        const list = doc.store.clients.get(client)!;
        for (let i = Y.findIndexSS(list, clock); i < list.length && list[i]!.id.clock < Math.min(end, known); i++) {
          const struct = list[i]!;
          if (!(struct instanceof Y.Item)) continue;
          const from = Math.max(clock, struct.id.clock) - struct.id.clock;
          const to = Math.min(end, struct.id.clock + struct.length) - struct.id.clock;
          removeDocItem(places, struct, from, to);
        }
      }
    }
    return { ok: true, writer, clients };
  } catch (error) {
    if (error instanceof Timeout) return { ok: false, reason: 'timeout', message: 'authorship not checked in time' };
    if (error instanceof Refusal) return { ok: false, reason: 'forged', message: error.message };
    return { ok: false, reason: 'forged', message: `cannot be checked: ${(error as Error).message}` };
  }

  /**
   * Whose item this is: the writer's, unless its client id is bound to someone else. Then it is a
   * change that person made and the server lost (below the high-water mark), checked as theirs,
   * or a new change under their client id, refused. A shared invite not bound yet takes the binding.
   */
  function authorOf(client: number, end: number): Author {
    const owner = ctx.clientOwner?.(client);
    if (!owner || owner.member === writer) return WRITER;
    if (end <= owner.highWater) return owner.member;
    if (writer === null && ctx.mayBind?.(owner.member)) {
      writer = owner.member;
      return WRITER;
    }
    return refuse(`writes new changes under the Yjs client id ${client}, which belongs to ${owner.member}`);
  }

  /** A new value at `key` of an existing map replaces what is there, whichever way Yjs orders them. */
  function replaced(places: UpdatePlaces, parent: Place, key: string) {
    const current = parent.existing?._map.get(key);
    if (current && !current.deleted) removeDocItem(places, current);
  }
}

class Timeout extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
