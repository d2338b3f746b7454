/**
 * @module Re-find on revisit: on a page the index says has captures, ask the hub for them once,
 * highlight each quote where it stands, and show what the team did with it on hover or focus of
 * the highlight (or its marker); a click on it opens the capture in Closeloop. The hub connection
 * lives only while something is asked, so an open page does not keep the background awake.
 */
import { signal } from '@preact/signals';
import type { HubClient } from '../../messaging/hub-client';
import { pageUrls } from '../../messaging/page-index';
import type { PageCapture, PageCaptures } from '../../messaging/protocol';
import type { TrustCheck } from '../trust';
import type { UiLayer } from '../ui-layer';
import { HighlightLayer, type Marker } from './HighlightLayer';
import { watchPagePresence, type IndexStorage } from './page-presence';
import { createPainter } from './painter';
import { createRefinder, type Refinder, type Settled } from './refinder';

export interface RefindDeps {
  win: Window;
  layer: UiLayer;
  connect(): HubClient;
  isTrusted: TrustCheck;
  storage: IndexStorage;
  isOwn(node: Node): boolean;
  /** Called once the page settled, with the captures and what was found (source checks hook in here). */
  onSettled?(captures: readonly PageCapture[], settled: Settled, hub: () => HubClient, urls: readonly string[]): void;
}

/** Card data older than this is asked for again when a card opens (a teammate may have moved the action on). */
const STALE_MS = 30_000;
const HIDE_DELAY_MS = 250;

export function setupRefind(deps: RefindDeps): () => void {
  const { win, layer, isTrusted } = deps;
  const captures = signal<readonly PageCapture[]>([]);
  const markers = signal<readonly Marker[]>([]);
  const active = signal<string | null>(null);
  const color = signal('#2454d6');
  let refinder: Refinder | null = null;
  let fetchedAt = 0;
  let hideTimer: ReturnType<typeof setTimeout> | null = null;
  let frame = 0;
  const urls = pageUrls(win.document, win.location.href);

  const ask = async () => {
    const hub = deps.connect();
    try {
      const value = await new Promise<PageCaptures>((resolve, reject) => {
        const off = hub.subscribe('pageCaptures', { urls }, (v) => { off(); resolve(v); }, reject);
      });
      fetchedAt = win.performance.now();
      captures.value = value.captures;
      color.value = value.color;
      refinder?.update(value.captures.map((c) => ({ id: c.id, anchor: c.anchor })), value.color);
    } catch {
      // The hub is restarting or the workspace was left: the page simply stays unhighlighted.
    } finally {
      hub.close();
    }
  };

  const placeMarkers = () => {
    frame = 0;
    const list: Marker[] = [];
    for (const [id, found] of refinder?.found() ?? []) {
      const first = found.range.getClientRects()[0];
      if (!first) continue;
      const below = Math.min(Math.round(first.bottom + 4), Math.max(0, win.innerHeight - 180));
      list.push({ id, left: Math.max(0, Math.round(first.left - 7)), top: Math.max(0, Math.round(first.top - 6)), below });
    }
    markers.value = list;
  };
  const schedulePlace = () => { frame ||= win.requestAnimationFrame(placeMarkers); };

  const show = (id: string) => {
    if (hideTimer) clearTimeout(hideTimer);
    hideTimer = null;
    if (active.value !== id) active.value = id;
    if (win.performance.now() - fetchedAt > STALE_MS) void ask();
  };
  const hide = () => {
    if (hideTimer) clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { hideTimer = null; active.value = null; }, HIDE_DELAY_MS);
  };
  const open = (id: string) => {
    const hub = deps.connect();
    void hub.call('openPage', { page: 'popup', hash: `capture/${encodeURIComponent(id)}` }).finally(() => hub.close());
  };

  const onPointer = (event: PointerEvent) => {
    if (!refinder || deps.isOwn(event.target as Node)) return;
    const id = refinder.at(event.clientX, event.clientY);
    if (id) show(id);
    else if (active.value && !hideTimer) hide();
  };
  const onClick = (event: MouseEvent) => {
    if (!refinder || !isTrusted(event) || deps.isOwn(event.target as Node)) return;
    if ((event.target as Element | null)?.closest?.('a, button, input, textarea, select, [contenteditable]')) return;
    if (win.getSelection()?.isCollapsed === false) return; // the person is selecting, not clicking
    const id = refinder.at(event.clientX, event.clientY);
    if (id) open(id);
  };
  const listeners: [EventTarget, string, EventListener][] = [
    [win, 'pointermove', onPointer as EventListener],
    [win, 'click', onClick as EventListener],
    [win, 'scroll', schedulePlace],
    [win, 'resize', schedulePlace],
  ];

  const start = () => {
    if (refinder) return void ask();
    refinder = createRefinder({ win, painter: createPainter(win), isOwn: deps.isOwn });
    refinder.onChange(schedulePlace);
    refinder.onSettled((settled) => deps.onSettled?.(captures.value, settled, deps.connect, urls));
    for (const [target, type, listener] of listeners) target.addEventListener(type, listener, { capture: true, passive: true });
    layer.show(<HighlightLayer captures={captures} markers={markers} active={active} color={color} isTrusted={isTrusted}
      onShow={show} onHide={hide} onOpen={open} onCardEnter={() => { if (hideTimer) clearTimeout(hideTimer); hideTimer = null; }} />);
    void ask();
  };
  const stop = () => {
    if (!refinder) return;
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener, { capture: true });
    refinder.stop();
    refinder = null;
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    if (hideTimer) clearTimeout(hideTimer);
    layer.hide();
    captures.value = [];
    markers.value = [];
  };

  const unwatch = watchPagePresence(urls, deps.storage, (present) => (present ? start() : stop()));
  return () => {
    unwatch();
    stop();
  };
}
