/** @module Workspace ids: the room name on the wire and the folder name on disk. */

/** A workspace id is 1-64 characters of lowercase letters, digits and hyphens. */
export const WORKSPACE_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

export function isWorkspaceId(value: unknown): value is string {
  return typeof value === 'string' && WORKSPACE_ID_PATTERN.test(value);
}

/** Throws a message a person can act on when `value` is not a workspace id. */
export function assertWorkspaceId(value: unknown): string {
  if (isWorkspaceId(value)) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new Error(
    `Invalid workspace id ${shown}: use 1-64 characters from a-z, 0-9 and "-" (for example "acme-support").`,
  );
}
