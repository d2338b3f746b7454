/**
 * @module After a page with captures settled: judge each capture (source-check.ts) and tell the
 * hub what was found, once per capture and visit. A finding the workspace already holds, checked
 * within the week, is not sent again.
 */
import { RECHECK_AFTER_MS } from '../../../shared/mutations/source-check';
import type { HubClient } from '../../messaging/hub-client';
import type { PageCapture } from '../../messaging/protocol';
import { buildTextMap } from '../anchor/text-map';
import type { Settled } from './refinder';
import { classifySource, type SourceVerdict } from './source-check';

export interface ReportDeps {
  doc: Document;
  pageUrl: string;
  now?: () => number;
}

/** The verdicts worth sending, by capture id. */
export function judgeAll(captures: readonly PageCapture[], settled: Settled, deps: ReportDeps): Map<string, SourceVerdict> {
  const out = new Map<string, SourceVerdict>();
  if (!settled.quiet || !deps.doc.body) return out;
  const pageText = buildTextMap(deps.doc.body).text;
  const now = (deps.now ?? Date.now)();
  for (const capture of captures) {
    const verdict = classifySource({
      capture, anchored: settled.found.get(capture.id) ?? null, quiet: settled.quiet, doc: deps.doc, pageUrl: deps.pageUrl, pageText,
    });
    if (!verdict) continue;
    const known = capture.sourceCheck;
    const fresh = known && now - Date.parse(known.checkedAt) < RECHECK_AFTER_MS;
    const same = known && known.state === verdict.state
      && (known.text ?? null) === ('text' in verdict ? verdict.text ?? null : null)
      && (known.rating ?? null) === ('rating' in verdict ? verdict.rating ?? null : null);
    if (fresh && same) continue;
    out.set(capture.id, verdict);
  }
  return out;
}

/** Sends the verdicts over one short-lived connection; a viewer's or a refused write is simply dropped. */
export async function reportSources(verdicts: ReadonlyMap<string, SourceVerdict>, urls: readonly string[], connect: () => HubClient): Promise<void> {
  if (verdicts.size === 0) return;
  const hub = connect();
  try {
    await Promise.all([...verdicts].map(([id, verdict]) => hub.call('capture.checkSource', { id, urls: [...urls], ...verdict }).catch(() => null)));
  } finally {
    hub.close();
  }
}
