/**
 * @module Migration step to schema 3. Version 3 records the reply to a customer itself
 * (`loop.reply`: text, where, link, who, when) and what revisiting a capture's page found
 * (`sourceCheck`, new: nothing to convert). A loop already `replied` under version 2 kept only a
 * link and who set it when; readers of version 3 show that as a reply record saying just that (no
 * text, channel unknown: shared/read/records.ts), so the step rewrites nothing.
 *
 * Why not write the record into the document: it names the member who replied, and the device
 * migrating is rarely theirs. The sync server refuses any change that writes another member's id
 * into a person field (shared/schema/authorship.ts), so the migrating member would be cut off; and
 * a rewrite racing a real reply recorded meanwhile on another replica could win over it.
 */
import type { Migration } from '../migrations';

export const replyRecordStep: Migration = {
  to: 3,
  describe: 'captures: replied follow-ups read as a reply record from their link, who and when (nothing rewritten)',
  up() {
    // Read-time: see the module comment.
  },
};
