// @vitest-environment happy-dom
/** @module The virtual list with 10,000 captures: only a window in the DOM, the right page fetched on scroll, no flashing. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { CAPTURE_ROW_HEIGHT } from '../../../extension/popup/CaptureRow';
import { createPopupModel } from '../../../extension/popup/popup-model';
import { PopupApp } from '../../../extension/popup/PopupApp';
import { scrollToShow, visibleRows, withOverscan } from '../../../extension/popup/virtual-window';
import { addCapture } from '../../../shared/mutations/captures';
import { gatedClient, harness, HOUR, recordingClient, renderPopup, settle } from './helpers';

afterEach(cleanup);

// Seeding 10,000 captures takes seconds on a busy shared machine: a generous limit, not a timing check.
const TEN_THOUSAND_TIMEOUT_MS = 60_000;


/** 10,000 captures. Same text and page, so the duplicate check stops at the first; authors tell them apart. */
async function tenThousand() {
  let recorder!: ReturnType<typeof recordingClient>;
  let gate!: ReturnType<typeof gatedClient>;
  const h = await harness({ client: (client) => (gate = gatedClient((recorder = recordingClient(client)).client, undefined, true)).client });
  let at = h.clock.now - 20_000 * HOUR;
  const ctx = { doc: h.doc, actor: 'mem_alex', now: () => (at += 60_000) };
  h.doc.transact(() => {
    for (let i = 0; i < 10_000; i++) {
      addCapture(ctx, { text: 'The app is slow', source: { url: 'https://forum.example/t/1', author: `Customer ${i}` } }, { allowDuplicate: true });
    }
  });
  return { h, recorder, gate };
}

describe('the virtual list', () => {
  it('renders no rows beyond the view before its first paint, and adds the overscan right after', async () => {
    const h = await harness();
    for (let i = 0; i < 30; i++) h.capture();
    const model = createPopupModel(h.client, h.env);
    await settle();
    // Rendered by hand: renderPopup would also run the effects that come after the paint.
    const root = document.body.appendChild(document.createElement('div'));
    try {
      render(<PopupApp model={model} />, root);
      const rows = () => within(root).getAllByRole('row');
      // 600 px shows 6 rows of 106 px.
      expect(rows()).toHaveLength(6);
      await settle();
      expect(rows()).toHaveLength(12);
    } finally {
      render(null, root);
      root.remove();
      model.dispose();
    }
  });

  it('renders only a window of a 10,000-row list and fetches the page in view as it scrolls', async () => {
    const { h, recorder } = await tenThousand();
    await renderPopup(h);
    const grid = screen.getByRole('grid', { name: 'Captures' });
    expect(grid.getAttribute('aria-rowcount')).toBe('10000');
    expect((within(grid).getByRole('rowgroup') as HTMLElement).style.height).toBe(`${10_000 * CAPTURE_ROW_HEIGHT}px`);
    const rows = () => within(grid).getAllByRole('row');
    // 600 px shows 6 rows of 106 px; 6 more are rendered below as overscan.
    expect(rows().length).toBe(12);
    expect(rows()[0]!.textContent).toContain('Customer 9999');
    expect(recorder.of('inbox').map((s) => s.args.page)).toEqual([{ offset: 0, limit: 40 }]);

    // A short scroll stays inside the loaded window: more rows render, nothing is fetched.
    grid.scrollTop = 10 * CAPTURE_ROW_HEIGHT;
    fireEvent.scroll(grid);
    await settle();
    expect(rows()[0]!.getAttribute('aria-rowindex')).toBe('5');
    expect(rows()[6]!.textContent).toContain('Customer 9989');
    expect(recorder.of('inbox')).toHaveLength(1);

    // A jump to the middle asks for the rows there, with overscan either side, and shows them.
    grid.scrollTop = 5_000 * CAPTURE_ROW_HEIGHT;
    fireEvent.scroll(grid);
    expect(recorder.of('inbox').at(-1)!.args).toEqual({ filter: { status: 'new' }, page: { offset: 4_985, limit: 40 } });
    await waitFor(() => expect(within(grid).getAllByRole('row')[6]!.textContent).toContain('Customer 4999'));
    const shown = rows();
    expect(shown.length).toBe(18);
    expect(shown.map((r) => Number(r.getAttribute('aria-rowindex')))).toEqual(Array.from({ length: 18 }, (_, i) => 4_995 + i));
    expect(shown.every((r) => !r.classList.contains('is-loading'))).toBe(true);
    expect(grid.querySelectorAll('[role="row"]').length).toBeLessThan(30);
  }, TEN_THOUSAND_TIMEOUT_MS);

  it('keeps the old rows on screen until the answer to a new search arrives', async () => {
    const { h, gate } = await tenThousand();
    const { user } = await renderPopup(h);
    const grid = screen.getByRole('grid', { name: 'Captures' });
    gate.hold();
    await user.type(screen.getByRole('searchbox', { name: 'Search captures' }), 'customer 42');
    await settle();
    // The hub has not answered: the old rows stay, nothing blanks out or jumps.
    expect(grid.getAttribute('aria-rowcount')).toBe('10000');
    expect(within(grid).getAllByRole('row')[0]!.textContent).toContain('Customer 9999');
    expect(grid.querySelectorAll('.is-loading')).toHaveLength(0);
    expect(h.marks.some((m) => m.name === 'closeloop:filter-done')).toBe(false);
    await gate.release();
    await settle();
    // Every word must match: the 299 numbers below 10,000 that contain "42", newest (9942) first.
    expect(grid.getAttribute('aria-rowcount')).toBe('299');
    expect(within(grid).getAllByRole('row')[0]!.textContent).toContain('Customer 9942');
    expect(h.marks.filter((m) => m.name === 'closeloop:filter-done')).toEqual([{ name: 'closeloop:filter-done', detail: 'customer 42' }]);
  }, TEN_THOUSAND_TIMEOUT_MS);

  it('computes the rows in view, the overscan and the scroll that shows a row', () => {
    expect(visibleRows(0, 600, 106, 10_000)).toEqual({ first: 0, last: 5 });
    expect(visibleRows(530, 600, 106, 10_000)).toEqual({ first: 5, last: 10 });
    expect(visibleRows(0, 600, 106, 3)).toEqual({ first: 0, last: 2 });
    expect(visibleRows(0, 600, 106, 0)).toEqual({ first: 0, last: -1 });
    expect(withOverscan({ first: 5, last: 10 }, 6, 12)).toEqual({ first: 0, last: 11 });
    expect(scrollToShow(10, 0, 600, 106)).toBe(1166 - 600);
    expect(scrollToShow(2, 530, 600, 106)).toBe(212);
    expect(scrollToShow(6, 200, 600, 106)).toBe(200);
  });
});
