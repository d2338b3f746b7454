/** @module The error a mutation throws for bad input: free of Yjs so any context can import its checks. */

export type MutationErrorCode = 'invalid' | 'not_found' | 'forbidden';

/** A mutation refused its input; nothing was written. `message` is meant for the person acting. */
export class MutationError extends Error {
  override name = 'MutationError';
  constructor(public readonly code: MutationErrorCode, message: string) {
    super(message);
  }
}
