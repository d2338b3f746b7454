/** @module Runs one hub command for a model: busy while it runs, the hub's refusal in words, an optional notice. */
import type { Signal } from '@preact/signals';

export interface CommandStatus {
  busy: Signal<boolean>;
  error: Signal<string | null>;
  notice: Signal<string | null>;
}

/** Resolves true when the command succeeded; a failure leaves its message in `error` for an alert. */
export async function runCommand(status: CommandStatus, task: () => Promise<unknown>, done?: string): Promise<boolean> {
  status.busy.value = true;
  status.error.value = null;
  status.notice.value = null;
  try {
    await task();
    if (done) status.notice.value = done;
    return true;
  } catch (failure) {
    status.error.value = (failure as Error).message || 'That did not work; try again.';
    return false;
  } finally {
    status.busy.value = false;
  }
}
