/** @module The errors the hub sends back to pages: a refusal in words, or a generic internal failure. */
import { InviteError } from '../../shared/invite';
import { MutationError } from '../../shared/mutations/context';
import type { HubError } from '../messaging/protocol';

/** A refused request; `error` goes back to the caller as is. */
export class HubRequestError extends Error {
  constructor(public readonly error: HubError) {
    super(error.message);
  }
}

export const refuse = (code: HubError['code'], message: string) => new HubRequestError({ code, message });

export function toRequestError(error: unknown): HubRequestError {
  if (error instanceof HubRequestError) return error;
  if (error instanceof MutationError) return new HubRequestError({ code: error.code, message: error.message });
  if (error instanceof InviteError) return new HubRequestError({ code: 'invalid', message: error.message });
  console.error('[closeloop] request failed', error);
  return new HubRequestError({ code: 'internal', message: 'Something went wrong inside Closeloop; the change was not made.' });
}
