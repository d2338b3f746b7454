// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { canCaptureHere } from '../../../extension/capture/page-guard';

function fakeWindow(protocol: string, frame: 'top' | 'child' | 'cross-origin' = 'top'): Window {
  const win: Record<string, unknown> = { location: { protocol } };
  win.self = win;
  if (frame === 'top') win.top = win;
  else if (frame === 'child') win.top = {};
  else Object.defineProperty(win, 'top', { get() { throw new Error('SecurityError'); } });
  return win as unknown as Window;
}

describe('where capture runs', () => {
  it('runs in the top frame of web pages and local files', () => {
    expect(canCaptureHere(fakeWindow('https:'))).toBe(true);
    expect(canCaptureHere(fakeWindow('http:'))).toBe(true);
    expect(canCaptureHere(fakeWindow('file:'))).toBe(true);
  });

  it('stays out of frames and extension or browser pages', () => {
    expect(canCaptureHere(fakeWindow('https:', 'child'))).toBe(false);
    expect(canCaptureHere(fakeWindow('https:', 'cross-origin'))).toBe(false);
    expect(canCaptureHere(fakeWindow('chrome-extension:'))).toBe(false);
    expect(canCaptureHere(fakeWindow('moz-extension:'))).toBe(false);
    expect(canCaptureHere(fakeWindow('about:'))).toBe(false);
  });
});
