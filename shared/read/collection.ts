/** @module One id-keyed collection of a workspace view: records parsed once per change, with their read issues. */
import type * as Y from 'yjs';
import type { RecordMap } from '../doc/roots';
import { emptyReport, type ReadIssue, type ReadReport } from './report';

/** One id-keyed collection: parsed records cached per id and the issues found reading each. */
export class Collection<T> {
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
