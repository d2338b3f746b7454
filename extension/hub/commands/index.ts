/** @module Dispatches a command by name to its handler, after checking the envelope. */
import type { CommandArgs, CommandName, CommandResult } from '../../messaging/protocol';
import { refuse } from '../errors';
import { cadenceCommands } from './cadence';
import { accessCommands } from './access';
import { exportFiles } from './export';
import { pageCommands } from './pages';
import { recordCommands } from './records';
import { sessionCommands, type SessionEnv } from './session';
import { writeEnv } from './write-env';

export type CommandEnv = SessionEnv & { now(): number };

const writing = { ...recordCommands, ...cadenceCommands, ...pageCommands };

export function runCommand<C extends CommandName>(name: C, args: unknown, env: CommandEnv): Promise<CommandResult<C>> {
  if (!args || typeof args !== 'object' || Array.isArray(args)) throw refuse('invalid', 'Command arguments must be an object.');
  if (Object.hasOwn(sessionCommands, name)) {
    return Promise.resolve((sessionCommands as Record<string, (a: unknown, e: SessionEnv) => unknown>)[name]!(args, env)) as Promise<CommandResult<C>>;
  }
  if (name === 'export') return Promise.resolve(exportFiles(args as CommandArgs<'export'>, env.state, env.now())) as Promise<CommandResult<C>>;
  if (Object.hasOwn(accessCommands, name)) {
    return (accessCommands as Record<string, (a: unknown, e: SessionEnv) => Promise<unknown>>)[name]!(args, env) as Promise<CommandResult<C>>;
  }
  if (Object.hasOwn(writing, name)) {
    return (writing as Record<string, (a: unknown, e: ReturnType<typeof writeEnv>) => Promise<unknown>>)[name]!(args, writeEnv(env.state, env.now)) as Promise<CommandResult<C>>;
  }
  throw refuse('invalid', `Unknown command "${String(name)}".`);
}
