/**
 * @module Where the items of an incoming Yjs update land in a document, read from the update
 * itself (`Y.decodeUpdate`) and the document it is about to be applied to, without applying it.
 * An item names its parent (a root name or the id of a nested type) or only its neighbours, whose
 * parent it inherits; a map entry names its key, or inherits its neighbour's. This mirrors Yjs'
 * own `Item.getMissing` and `integrate`, so a place is what Yjs would make of the item.
 */
import * as Y from 'yjs';

/** The path segment of an entry of a list (a Y.Array), as opposed to a map key. */
export const ITEM: unique symbol = Symbol('list entry');
export type Segment = string | typeof ITEM;

/** A nested type (or root) in the document as the update sees it. */
export interface Place {
  /** Root name, then keys down to this type; ITEM where the type is an entry of a list. */
  segments: Segment[];
  /** Index of the first segment created by this update (Infinity: all of it existed before). */
  newFrom: number;
  /** The type as it exists in the document, or null when the update creates it. */
  existing: Y.AbstractType<unknown> | null;
}

/** Yjs discards what lands here: inside deleted or garbage-collected content. */
export const VOID = Symbol('discarded by Yjs');

/** Thrown when the update cannot be placed; its message is the reason for the refusal. */
export class Unplaceable extends Error {
  override name = 'Unplaceable';
}

type Found = { inDoc: true; struct: Y.Item | Y.GC } | { inDoc: false; struct: Y.Item };

export class UpdatePlaces {
  /** The update's structs per client, in clock order (as decodeUpdate yields them). */
  private readonly byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  private readonly docPlaces = new WeakMap<Y.AbstractType<unknown>, Place | typeof VOID>();
  private readonly itemPlaces = new Map<Y.Item, { parent: Place; key: string | null } | typeof VOID>();

  constructor(private readonly doc: Y.Doc, structs: (Y.Item | Y.GC | Y.Skip)[]) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  /** The clock up to which the document already holds this client's structs. */
  known(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  /** Whether the update itself holds structs covering [clock, end) of `client` (no holes). */
  covers(client: number, clock: number, end: number, step: () => void = () => {}): boolean {
    while (clock < end) {
      step();
      const found = this.find(Y.createID(client, clock));
      if (!found || found.inDoc) return false;
      clock = found.struct.id.clock + found.struct.length;
    }
    return true;
  }

  /** The struct holding `id`: in the document when it has it, else in the update; null when neither. */
  find(id: Y.ID): Found | null {
    if (id.clock < this.known(id.client)) return { inDoc: true, struct: Y.getItem(this.doc.store, id) as Y.Item | Y.GC };
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Item ? { inDoc: false, struct: s } : null; // a Skip is a hole
    }
    return null;
  }

  /** Parent type and map key (null in a list) of a new item, or VOID. Throws Unplaceable. */
  locate(item: Y.Item): { parent: Place; key: string | null } | typeof VOID {
    const memo = this.itemPlaces.get(item);
    if (memo) return memo;
    const place = this.locateUncached(item);
    this.itemPlaces.set(item, place);
    return place;
  }

  /** The place of the nested type a found struct holds (ContentType), or VOID. */
  placeOfType(found: Found): Place | typeof VOID {
    if (found.struct instanceof Y.GC) return VOID;
    const item = found.struct;
    if (!(item.content instanceof Y.ContentType)) throw new Unplaceable('writes inside a value that is not a map or list');
    if (found.inDoc) return item.deleted ? VOID : this.placeOfDocType(item.content.type);
    const at = this.locate(item);
    if (at === VOID) return VOID;
    const segments: Segment[] = [...at.parent.segments, at.key ?? ITEM];
    return { segments, newFrom: Math.min(at.parent.newFrom, segments.length - 1), existing: null };
  }

  /** The place of a type already in the document. */
  placeOfDocType(type: Y.AbstractType<unknown>): Place | typeof VOID {
    const memo = this.docPlaces.get(type);
    if (memo) return memo;
    let place: Place | typeof VOID;
    const holder = type._item;
    if (holder === null) place = { segments: [Y.findRootTypeKey(type)], newFrom: Infinity, existing: type };
    else if (holder.deleted || !(holder.parent instanceof Y.AbstractType)) place = VOID;
    else {
      const parent = this.placeOfDocType(holder.parent);
      place = parent === VOID ? VOID : { segments: [...parent.segments, holder.parentSub ?? ITEM], newFrom: Infinity, existing: type };
    }
    this.docPlaces.set(type, place);
    return place;
  }

  private locateUncached(item: Y.Item): { parent: Place; key: string | null } | typeof VOID {
    const left = item.origin ? this.need(item.origin) : null;
    const right = item.rightOrigin ? this.need(item.rightOrigin) : null;
    // Yjs turns an item next to collected content into collected content itself.
    if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC) return VOID;
    const neighbour = left ?? right;
    if (neighbour) {
      const n = neighbour.struct as Y.Item;
      if (!neighbour.inDoc) return this.locate(n);
      if (!(n.parent instanceof Y.AbstractType)) return VOID;
      const parent = this.placeOfDocType(n.parent);
      return parent === VOID ? VOID : { parent, key: n.parentSub };
    }
    const { parent } = item as unknown as { parent: Y.ID | string | null };
    if (typeof parent === 'string') {
      const existing = (this.doc.share.get(parent) as Y.AbstractType<unknown> | undefined) ?? null;
      return { parent: { segments: [parent], newFrom: Infinity, existing }, key: item.parentSub };
    }
    if (parent instanceof Y.ID) {
      const place = this.placeOfType(this.need(parent));
      return place === VOID ? VOID : { parent: place, key: item.parentSub };
    }
    throw new Unplaceable('an item with neither a parent nor neighbours');
  }

  private need(id: Y.ID): Found {
    const found = this.find(id);
    if (!found) throw new Unplaceable('it builds on changes the server does not have');
    return found;
  }
}
