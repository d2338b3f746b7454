/** @module Names of the impact/effort quadrants, in the order the 2x2 shows them (quick wins first). */
import type { Quadrant } from '../../shared/queries/actions';

export const QUADRANTS: { id: Exclude<Quadrant, 'unscored'>; name: string; hint: string }[] = [
  { id: 'quick_win', name: 'Quick wins', hint: 'High impact, low effort' },
  { id: 'big_bet', name: 'Big bets', hint: 'High impact, high effort' },
  { id: 'fill_in', name: 'Fill-ins', hint: 'Low impact, low effort' },
  { id: 'money_pit', name: 'Money pits', hint: 'Low impact, high effort' },
];

export const QUADRANT_NAMES: Record<Quadrant, string> = {
  quick_win: 'Quick win', big_bet: 'Big bet', fill_in: 'Fill-in', money_pit: 'Money pit', unscored: 'Unscored',
};
