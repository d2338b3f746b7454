/** @module Live queries of the team's cadence: the huddle, the change board, initiatives, people, workspace settings. */
import { historyOf } from '../../../shared/queries/actions';
import { memberRanking, recentDecisions, runningBoard, scoreProposals } from '../../../shared/queries/board';
import { huddleView, HUDDLE_SECTIONS, type HuddleSectionId } from '../../../shared/queries/huddle';
import { actionsByInitiative, initiativeMap, progressOf } from '../../../shared/queries/initiatives';
import { weeklyDigest } from '../../../shared/queries/digest';
import { peopleView } from '../../../shared/queries/people';
import type { WorkspaceView } from '../../../shared/read/workspace-view';
import { readSettings } from '../../../shared/read/cadence-records';
import { emptyReport } from '../../../shared/read/report';
import type { Capture } from '../../../shared/schema/records';
import { localCalendarDate } from '../../../shared/util/dates';
import type { QueryArgs, QueryResult } from '../../messaging/protocol';
import { refuse } from '../errors';
import type { QueryEnv } from './env';
import { memoHuddle } from './huddle-memo';
import { idfFor } from './idf';

export type CadenceQuery = 'huddle' | 'board' | 'initiatives' | 'initiative' | 'people' | 'workspaceSettings' | 'digest';

type Handler<Q extends CadenceQuery> = (args: QueryArgs<Q>, env: QueryEnv) => QueryResult<Q>;

/** Evidence shown under each proposal on the board; the action's page lists it all. */
const EVIDENCE_PREVIEW = 3;
/** Largest section a page may ask the huddle for. */
const MAX_SECTION_ROWS = 500;
const DECISIONS_DAYS = 90;

function viewOf(env: QueryEnv): WorkspaceView {
  const view = env.state.replica?.view;
  if (!view) throw refuse('not_joined', 'Join a workspace first: open Closeloop options and paste your invite code.');
  return view;
}

function sectionLimits(raw: unknown): Partial<Record<HuddleSectionId, number>> {
  const limits: Partial<Record<HuddleSectionId, number>> = {};
  if (!raw || typeof raw !== 'object') return limits;
  for (const id of HUDDLE_SECTIONS) {
    const n = (raw as Record<string, unknown>)[id];
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) limits[id] = Math.min(n, MAX_SECTION_ROWS);
  }
  return limits;
}

export const cadenceQueries: { [Q in CadenceQuery]: Handler<Q> } = {
  huddle({ limits }, env) {
    const view = viewOf(env);
    const now = env.now();
    const asked = sectionLimits(limits);
    return memoHuddle(view, now, asked, () => huddleView(view, { now, today: localCalendarDate(now), idf: idfFor(view.captures()), limits: asked }));
  },
  board(_args, env) {
    const view = viewOf(env);
    const now = env.now();
    const captureById = (id: string) => view.capture(id);
    const ended = view.boards().filter((b) => b.endedAt !== null).sort((a, b) => (a.endedAt! < b.endedAt! ? 1 : -1));
    const settings = view.settings();
    return {
      proposals: scoreProposals(view.actions(), captureById).map((p) => ({
        ...p,
        evidence: p.action.captureIds.slice(0, EVIDENCE_PREVIEW).map(captureById).filter((c): c is Capture => c !== undefined),
      })),
      ranking: memberRanking(view.actions(), env.state.settings.memberId),
      running: runningBoard(view.boards(), now),
      lastEnded: ended[0] ?? null,
      nextBoardDate: settings.nextBoardDate,
      cadence: settings.boardCadence,
      decisions: recentDecisions(view.actions(), new Date(now - DECISIONS_DAYS * 86_400_000).toISOString()),
    };
  },
  initiatives(_args, env) {
    const view = viewOf(env);
    return { map: initiativeMap(view.initiatives(), view.actions(), localCalendarDate(env.now())), total: view.initiatives().length };
  },
  initiative({ id }, env) {
    const view = viewOf(env);
    const initiative = view.initiative(String(id));
    if (!initiative) return null;
    const actions = actionsByInitiative(view.actions()).get(initiative.id) ?? [];
    return { initiative, actions, progress: progressOf(actions, localCalendarDate(env.now())), history: historyOf(view.activity(), initiative.id) };
  },
  people(_args, env) {
    const view = viewOf(env);
    const now = env.now();
    return peopleView(view.members(), view.actions(), { now, today: localCalendarDate(now) });
  },
  digest(_args, env) {
    const view = viewOf(env);
    const now = env.now();
    return weeklyDigest(view, { now, today: localCalendarDate(now), idf: idfFor(view.captures()) });
  },
  workspaceSettings: (_args, env) => env.state.replica?.view.settings() ?? readSettings(() => undefined, emptyReport()),
};
