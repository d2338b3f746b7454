/**
 * @module Named transaction origins. Providers and bridges compare against these to skip their
 * own echoes; activity and debugging tools use them to tell local edits from remote ones.
 */

/** A typed mutation from shared/mutations (a person's action). */
export const MUTATION_ORIGIN = 'closeloop:mutation';
/** A schema migration step. */
export const MIGRATION_ORIGIN = 'closeloop:migration';
/** Workspace initialisation by the sync server or a first client. */
export const INIT_ORIGIN = 'closeloop:init';
