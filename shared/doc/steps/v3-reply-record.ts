/**
 * @module Migration step to schema 3. Version 3 records the reply to a customer itself
 * (`loop.reply`: text, where, link, who, when) and what revisiting a capture's page found
 * (`sourceCheck`, new: nothing to convert). A loop already `replied` under version 2 kept only a
 * link and who set it when; the step turns that into a reply record saying just that (no text,
 * channel unknown), so every replied loop has one.
 */
import * as Y from 'yjs';
import type { Migration } from '../migrations';
import { roots } from '../roots';

export const replyRecordStep: Migration = {
  to: 3,
  describe: 'captures: replied follow-ups get a reply record from their link, who and when',
  up(doc) {
    const { captures } = roots(doc);
    for (const record of captures.values()) {
      if (!(record instanceof Y.Map)) continue;
      const loop = record.get('loop') as Record<string, unknown> | undefined;
      // Only what is still in the old shape: a peer may have migrated it, or recorded a reply, already.
      if (!loop || typeof loop !== 'object' || loop.state !== 'replied' || 'reply' in loop) continue;
      const text = (value: unknown) => (typeof value === 'string' ? value : null);
      record.set('loop', {
        ...loop,
        reply: { text: '', where: null, url: text(loop.replyUrl), by: text(loop.updatedBy), at: text(loop.updatedAt) },
      });
    }
  },
};
