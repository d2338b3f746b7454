// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SelectionButton } from '../../../extension/capture/SelectionButton';
import type { Spot } from '../../../extension/capture/selection-watcher';
import { forged, testTrust } from './helpers';

afterEach(cleanup);

function setup() {
  const spot = signal<Spot | null>(null);
  const onActivate = vi.fn();
  render(<SelectionButton spot={spot} isTrusted={testTrust} onActivate={onActivate} />);
  return { spot, onActivate };
}

describe('the in-page button', () => {
  it('appears where it is told, named "Capture feedback", and goes away', () => {
    const { spot } = setup();
    expect(screen.queryByRole('button')).toBeNull();
    act(() => { spot.value = { left: 120, top: 340 }; });
    const button = screen.getByRole('button', { name: 'Capture feedback' });
    expect(button.style.left).toBe('120px');
    expect(button.style.top).toBe('340px');
    act(() => { spot.value = null; });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('opens the dialog on a real press, by mouse or keyboard', async () => {
    const { spot, onActivate } = setup();
    act(() => { spot.value = { left: 1, top: 1 }; });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Capture feedback' }));
    screen.getByRole('button', { name: 'Capture feedback' }).focus();
    await user.keyboard('{Enter}');
    expect(onActivate).toHaveBeenCalledTimes(2);
  });

  it('ignores a click a page script makes up', () => {
    const { spot, onActivate } = setup();
    act(() => { spot.value = { left: 1, top: 1 }; });
    screen.getByRole('button', { name: 'Capture feedback' }).dispatchEvent(forged(new MouseEvent('click', { bubbles: true })));
    expect(onActivate).not.toHaveBeenCalled();
  });

  it('keeps the page\'s selection when pressed (mousedown does nothing)', () => {
    const { spot } = setup();
    act(() => { spot.value = { left: 1, top: 1 }; });
    expect(fireEvent.mouseDown(screen.getByRole('button', { name: 'Capture feedback' }))).toBe(false);
  });
});
