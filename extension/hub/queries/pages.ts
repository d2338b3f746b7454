/** @module Live queries about web pages: the captures of the page a content script runs in, and the page index. */
import { colorFor } from '../../../shared/mutations/members';
import { capturesOnPage, pageIndexOf } from '../../../shared/queries/page-captures';
import type { Capture } from '../../../shared/schema/records';
import { sameSiteUrls } from '../../../shared/util/page-keys';
import { captureFingerprint } from '../../../shared/util/fingerprint';
import { similarCaptures } from '../../../shared/queries/similar-captures';
import { idfFor } from './idf';
import type { QueryArgs, QueryResult } from '../../messaging/protocol';
import type { QueryEnv } from './env';

export type PageQuery = 'pageCaptures' | 'pageIndex' | 'similarCaptures';

type Handler<Q extends PageQuery> = (args: QueryArgs<Q>, env: QueryEnv) => QueryResult<Q>;

// The page index depends only on the captures list, which the view replaces on every change.
const pageIndexCache = new WeakMap<readonly Capture[], Record<string, number>>();

export const pageQueries: { [Q in PageQuery]: Handler<Q> } = {
  pageIndex(_args, { state }) {
    const captures = state.replica?.view.captures();
    if (!captures) return {};
    let index = pageIndexCache.get(captures);
    if (!index) {
      index = Object.fromEntries(pageIndexOf(captures));
      pageIndexCache.set(captures, index);
    }
    return index;
  },
  similarCaptures({ text, url }, { state }) {
    const view = state.replica?.view;
    if (!view || typeof text !== 'string' || typeof url !== 'string') return [];
    const captures = view.captures();
    const same = view.captureByFingerprint(captureFingerprint(text.trim(), url))?.id;
    return similarCaptures(text.slice(0, 10_000), captures, idfFor(captures), { limit: 3, ...(same ? { exclude: same } : {}) }).map(({ capture, score }) => ({
      id: capture.id,
      excerpt: capture.text.length > 120 ? `${capture.text.slice(0, 119)}…` : capture.text,
      capturedAt: capture.capturedAt,
      site: capture.source.site,
      score,
      actions: capture.actionIds.map((id) => view.action(id)).filter((a) => a !== undefined).map((a) => ({ id: a.id, title: a.title, status: a.status })),
    }));
  },
  pageCaptures({ urls, senderUrl }, { state }) {
    const view = state.replica?.view;
    if (!view || !Array.isArray(urls)) return { color: '#2454d6', captures: [] };
    const asked = urls.filter((u): u is string => typeof u === 'string');
    const allowed = typeof senderUrl === 'string' ? sameSiteUrls(asked, senderUrl) : asked;
    const nameOf = (id: string | null) => (id ? view.member(id)?.name ?? 'Someone' : null);
    return {
      color: colorFor(state.replica!.invite.workspace),
      captures: capturesOnPage(view.captures(), allowed).map((c) => ({
        id: c.id,
        text: c.text,
        anchor: c.anchor!,
        status: c.status,
        capturedAt: c.capturedAt,
        source: {
          url: c.source.url, author: c.source.author, rating: c.source.rating, ratingMax: c.source.ratingMax,
          postedAt: c.source.postedAt, permalink: c.source.permalink, platform: c.source.platform,
        },
        actions: c.actionIds.map((id) => view.action(id)).filter((a) => a !== undefined).map((a) => ({
          id: a.id, title: a.title, status: a.status, owner: nameOf(a.assignee), dueDate: a.dueDate,
        })),
        sourceCheck: c.sourceCheck,
      })),
    };
  },
};
