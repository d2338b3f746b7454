/** @module A review page with many distinct reviews, so every capture in a run is new (no duplicates). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OPENINGS = ['The export', 'Checkout', 'The mobile app', 'Support', 'Billing', 'Search', 'The dashboard', 'Onboarding'];
const PROBLEMS = ['timed out again', 'crashed on save', 'lost my draft', 'was slow all morning', 'charged me twice', 'logged me out'];

export function writeReviewPage(dir: string, count: number): string {
  mkdirSync(dir, { recursive: true });
  const reviews = Array.from({ length: count }, (_, i) => {
    const text = `${OPENINGS[i % OPENINGS.length]} ${PROBLEMS[i % PROBLEMS.length]} (review ${i + 1}); I reported it and heard nothing back for days.`;
    return `<article class="review" data-service-review-card-paper="true"><span data-consumer-name-typography="true">Reviewer ${i + 1}</span>
  <div data-service-review-rating="${(i % 5) + 1}"></div><time datetime="2026-11-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z">Nov</time>
  <p data-service-review-text-typography="true" id="review-${i}">${text}</p></article>`;
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench reviews</title>
<link rel="canonical" href="https://www.trustpilot.com/review/bench.example"><style>body{font:15px system-ui;margin:20px}article{margin:0 0 14px}</style></head>
<body><h1>Bench reviews</h1>${reviews.join('\n')}</body></html>`;
  writeFileSync(join(dir, 'reviews.html'), html);
  return 'reviews.html';
}

/**
 * A review of exactly 10,000 characters with personal data sprinkled through it (an email, a
 * phone number, a card and an IBAN every ~1,000 characters), for the redaction measure.
 */
export function writeLongReviewPage(dir: string): string {
  const pieces = ['Write to dana.k+orders@example.com about it.', 'Call me on +44 20 7946 0958 after six.', 'I paid with 4111 1111 1111 1111 twice.',
    'Refund to DE89 3704 0044 0532 0130 00 please.'];
  let text = '';
  for (let i = 0; text.length < 10_000; i++) {
    text += `${OPENINGS[i % OPENINGS.length]} ${PROBLEMS[i % PROBLEMS.length]} on order ${1000 + i}, again. `;
    if (i % 12 === 11) text += `${pieces[(i / 12 | 0) % pieces.length]} `;
  }
  text = text.slice(0, 10_000);
  writeFileSync(join(dir, 'long-review.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long review</title></head>
<body><main><article class="review"><p id="long-review">${text}</p></article></main></body></html>`);
  return 'long-review.html';
}
