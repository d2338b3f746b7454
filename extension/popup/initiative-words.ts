/** @module Words for initiatives: horizons on the transformation map, statuses, codes with titles, amounts. */
import type { Horizon, InitiativeStatus } from '../../shared/schema/constants';

export const HORIZON_NAMES: Record<Horizon, string> = { short: 'Short term', mid: 'Mid term', long: 'Long term' };

export const INITIATIVE_STATUS_NAMES: Record<InitiativeStatus, string> = {
  planned: 'Planned', active: 'Active', on_hold: 'On hold', done: 'Done', cancelled: 'Cancelled',
};

let money: Intl.NumberFormat | null = null;
/** An amount in the workspace's currency, grouped: "12,500". The currency itself is the team's convention. */
export const amountWords = (n: number) => (money ??= new Intl.NumberFormat('en', { maximumFractionDigits: 2 })).format(n);
