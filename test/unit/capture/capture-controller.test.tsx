// @vitest-environment happy-dom
import { render } from 'preact';
import { act, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaptureController, type CaptureController } from '../../../extension/capture/capture-controller';
import { createInPageButton } from '../../../extension/capture/in-page-button';
import type { UiLayer } from '../../../extension/capture/ui-layer';
import { context, fakeHub, loadPage, saved, selectText, status, testTrust, type FakeHub } from './helpers';

/** Stands in for the shadow-root layer: renders into a box on the page, synchronously. */
function fakeLayer(): UiLayer & { box: HTMLElement } {
  const box = document.createElement('div');
  document.body.append(box);
  return {
    box,
    show: (view) => act(() => render(view, box)),
    hide: () => act(() => render(null, box)),
    owns: (node) => box.contains(node),
  };
}

let layer: ReturnType<typeof fakeLayer>;
let hubs: FakeHub[];
let controller: CaptureController;
let page: HTMLButtonElement;

beforeEach(() => {
  loadPage('<button id="page-button">Helpful</button><p id="review">The mobile app logs me out every day.</p>');
  page = document.getElementById('page-button') as HTMLButtonElement;
  layer = fakeLayer();
  hubs = [];
  controller = createCaptureController({
    win: window, layer, isTrusted: testTrust, closeDelayMs: 0,
    connect: () => {
      const hub = fakeHub(async () => saved());
      hubs.push(hub);
      return hub.client;
    },
  });
});
afterEach(() => controller.close());

const dialog = () => within(layer.box).queryByRole('dialog', { name: 'Capture feedback' });

describe('opening and closing the capture dialog', () => {
  it('opens one dialog on the selection, however often it is asked', () => {
    selectText(document.getElementById('review')!);
    controller.open();
    controller.open();
    expect(layer.box.querySelectorAll('[role="dialog"]')).toHaveLength(1);
    expect(within(dialog()!).getByText('The mobile app logs me out every day.')).toBeTruthy();
    expect(hubs).toHaveLength(1);
  });

  it('says to select something first when nothing is selected, without waking the hub', async () => {
    document.getSelection()!.removeAllRanges();
    controller.open();
    expect(within(dialog()!).getByText(/Select the feedback on the page first/)).toBeTruthy();
    expect(hubs).toHaveLength(0);
    await userEvent.setup().keyboard('{Escape}');
    expect(dialog()).toBeNull();
  });

  it('on cancel: closes the hub connection, returns focus and gives the selection back', async () => {
    page.focus();
    selectText(document.getElementById('review')!);
    controller.open();
    expect(document.activeElement).not.toBe(page);
    document.getSelection()!.removeAllRanges(); // focus moving into the dialog can clear it
    await userEvent.setup().keyboard('{Escape}');
    expect(dialog()).toBeNull();
    expect(controller.isOpen()).toBe(false);
    expect(hubs[0]!.state.closed).toBe(true);
    expect(hubs[0]!.subscriptions('status')).toHaveLength(0);
    expect(document.activeElement).toBe(page);
    expect(document.getSelection()!.toString()).toBe('The mobile app logs me out every day.');
  });

  it('saves what was selected at open even after the page changed it, then closes by itself', async () => {
    vi.useFakeTimers();
    try {
      const review = document.getElementById('review')!;
      selectText(review);
      controller.open();
      hubs[0]!.push('status', status());
      hubs[0]!.push('captureContext', context());
      review.textContent = 'Edited by the page';
      const save = within(dialog()!).getByRole('button', { name: 'Save' });
      await act(async () => { save.click(); });
      expect(hubs[0]!.saves()[0]!.args).toMatchObject({ capture: { text: 'The mobile app logs me out every day.' } });
      await act(async () => { vi.runAllTimers(); });
      expect(dialog()).toBeNull();
      expect(hubs[0]!.state.closed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the in-page button opens the same dialog and hides itself', async () => {
    const buttonLayer = fakeLayer();
    const button = createInPageButton({
      win: window, layer: buttonLayer, isTrusted: testTrust, onActivate: () => controller.open(),
      isOwn: (target) => target instanceof Node && (layer.owns(target) || buttonLayer.owns(target)),
    });
    button.start();
    try {
      const review = document.getElementById('review')!;
      selectText(review);
      review.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      await vi.waitFor(() => expect(within(buttonLayer.box).getByRole('button', { name: 'Capture feedback' })).toBeTruthy());
      await userEvent.setup().click(within(buttonLayer.box).getByRole('button', { name: 'Capture feedback' }));
      expect(within(buttonLayer.box).queryByRole('button')).toBeNull();
      expect(within(dialog()!).getByText('The mobile app logs me out every day.')).toBeTruthy();
    } finally {
      button.stop();
    }
  });
});
