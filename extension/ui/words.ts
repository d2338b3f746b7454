/**
 * @module Words every extension surface shares (popup, capture dialog, options, the hub's badge and
 * status): plurals, and the names of sentiments, channels and platforms. One place, so the same
 * thing is never called two names.
 */
import type { Channel, Sentiment } from '../../shared/schema/constants';

let numbers: Intl.NumberFormat | null = null;
/** "1 capture", "2 captures", "10,000 captures"; `many` for irregular plurals. Numbers are grouped the same way everywhere. */
export const plural = (n: number, word: string, many = `${word}s`) => `${(numbers ??= new Intl.NumberFormat('en')).format(n)} ${n === 1 ? word : many}`;

export const SENTIMENT_LABELS: Record<Sentiment, string> = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' };

export const CHANNEL_LABELS: Record<Channel, string> = {
  review: 'Review', social: 'Social', forum: 'Forum', support: 'Support', other: 'Other',
};

/** Names of the platforms Closeloop knows (`source.platform`). */
export const PLATFORM_NAMES: Record<string, string> = {
  amazon: 'Amazon', 'app-store': 'App Store', g2: 'G2', 'google-play': 'Google Play', 'hacker-news': 'Hacker News',
  linkedin: 'LinkedIn', reddit: 'Reddit', trustpilot: 'Trustpilot', x: 'X', youtube: 'YouTube',
};
