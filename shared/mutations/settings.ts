/** @module Workspace settings: escalation thresholds, the reply target and the change board's cadence. */
import {
  BOARD_CADENCES, DEFAULT_BOARD_CADENCE, WORKSPACE_SETTINGS, type BoardCadence, type NumericSettingName,
} from '../schema/constants';
import { MutationError, mutate, type MutationContext } from './context';
import { dueDate as cleanDate, oneOf } from './input';

export interface SettingsPatch {
  escalationMinCaptures?: number;
  escalationWindowDays?: number;
  replyTargetDays?: number;
  boardCadence?: BoardCadence;
  /** YYYY-MM-DD, or null to clear. */
  nextBoardDate?: string | null;
  /** Replace personal data in captures before they leave the page (schema 3). */
  redactPersonalData?: boolean;
}

export function updateWorkspaceSettings(ctx: MutationContext, patch: SettingsPatch): void {
  if (!patch || typeof patch !== 'object') throw new MutationError('invalid', 'Settings must be an object.');
  const changes: [string, unknown][] = [];
  for (const name of Object.keys(WORKSPACE_SETTINGS) as NumericSettingName[]) {
    const value = patch[name];
    if (value === undefined) continue;
    const { min, max } = WORKSPACE_SETTINGS[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new MutationError('invalid', `${SETTING_WORDS[name]} must be a whole number from ${min} to ${max}.`);
    }
    changes.push([name, value]);
  }
  if (patch.boardCadence !== undefined) changes.push(['boardCadence', oneOf(patch.boardCadence, BOARD_CADENCES, 'Board cadence')]);
  if (patch.nextBoardDate !== undefined) changes.push(['nextBoardDate', cleanDate(patch.nextBoardDate)]);
  if (patch.redactPersonalData !== undefined) {
    if (typeof patch.redactPersonalData !== 'boolean') throw new MutationError('invalid', 'Redaction must be on or off.');
    changes.push(['redactPersonalData', patch.redactPersonalData]);
  }
  mutate(ctx, (tx) => {
    for (const [field, value] of changes) {
      const before = tx.roots.settings.get(field) ?? null;
      if (before === value) continue;
      if (value === null) tx.roots.settings.delete(field);
      else tx.roots.settings.set(field, value);
      tx.log('workspace.settings', 'workspace', 'settings', { field, from: before, to: value });
    }
  });
}

const SETTING_WORDS: Record<NumericSettingName, string> = {
  escalationMinCaptures: 'Captures needed to escalate a theme',
  escalationWindowDays: 'The escalation window in days',
  replyTargetDays: 'The reply target in days',
};

/** A stored cadence, or the default for anything else (a broken peer may have written anything). */
export function readBoardCadence(value: unknown): BoardCadence {
  return (BOARD_CADENCES as readonly unknown[]).includes(value) ? (value as BoardCadence) : DEFAULT_BOARD_CADENCE;
}
