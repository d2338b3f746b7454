/** @module Commands from the content script of a page: what revisiting a capture's page found. */
import { recordSourceCheck } from '../../../shared/mutations/source-check';
import { capturesOnPage } from '../../../shared/queries/page-captures';
import { sameSiteUrls } from '../../../shared/util/page-keys';
import type { CommandArgs, CommandResult } from '../../messaging/protocol';
import { refuse } from '../errors';
import type { WriteEnv } from './write-env';

export type PageCommand = 'capture.checkSource';

type Handler<C extends PageCommand> = (args: CommandArgs<C>, env: WriteEnv) => Promise<CommandResult<C>>;

export const pageCommands: { [C in PageCommand]: Handler<C> } = {
  async 'capture.checkSource'({ id, urls, state, text, rating, senderUrl }, env) {
    const capture = env.view().capture(String(id));
    const asked = Array.isArray(urls) ? urls.filter((u): u is string => typeof u === 'string') : [];
    const allowed = typeof senderUrl === 'string' ? sameSiteUrls(asked, senderUrl) : asked;
    // A page may report only on captures of itself: never on another page's, whatever it claims.
    if (!capture || capturesOnPage([capture], allowed).length === 0) throw refuse('forbidden', 'That capture is not from this page.');
    const written = await env.write((ctx) => recordSourceCheck(ctx, capture.id, {
      state, ...(text !== undefined ? { text } : {}), ...(rating !== undefined ? { rating } : {}),
    }));
    return { written };
  },
};
