/** @module What the extractors found about the selection: site, author, rating, date, link and page title. */
import type { ComponentChildren } from 'preact';
import type { CaptureSource } from '../../../shared/schema/records';
import { formatDate, formatRating, formatSite, httpLink } from '../format';

export function SourceDetails({ source }: { source: CaptureSource }) {
  const permalink = httpLink(source.permalink);
  const rows: [string, ComponentChildren][] = [];
  const site = formatSite(source.platform, source.site);
  if (site) rows.push(['Site', site]);
  if (source.author) rows.push(['Author', source.author]);
  const rating = formatRating(source.rating, source.ratingMax);
  if (rating) rows.push(['Rating', rating]);
  const date = formatDate(source.postedAt);
  if (date) rows.push(['Date', date]);
  if (permalink) {
    rows.push(['Link', <a href={permalink} target="_blank" rel="noopener noreferrer" class="cl-link">{permalink}</a>]);
  }
  if (source.title) rows.push(['Page', source.title]);
  if (rows.length === 0) return null;
  return (
    <dl class="cl-details">
      {rows.map(([term, value]) => (
        <div class="cl-detail" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
