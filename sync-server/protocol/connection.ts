/**
 * @module One client socket: joins its workspace's room, reads y-websocket messages strictly in
 * arrival order (queued until the stored state is loaded), enforces the role, the rate limit and
 * the update checks, and closes only itself when its input is bad.
 */
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { canWrite } from '../../shared/invite';
import type { TokenClaims } from '../auth/tokens';
import type { Logger } from '../logger';
import type { Metrics, RejectReason } from '../metrics';
import type { Room, RoomMember } from '../rooms/room';
import type { Rooms } from '../rooms/rooms';
import {
  MalformedMessage, encodeAwareness, encodePermissionDenied, encodeSyncStep1, encodeSyncStep2, isEmptyUpdate,
  parseClientMessage,
} from './messages';
import { checkWriter, type AuthorshipOptions } from './writer-check';
import { createTokenBucket, type TokenBucket } from './rate-limit';
import type { UpdateGuard } from './update-guard';

/** Close codes. 44xx mirror HTTP 4xx; stock y-websocket clients do not reconnect after them. */
export const CLOSE = {
  goingAway: 1001,
  unsupported: 1003,
  internal: 1011,
  malformed: 4400,
  revoked: 4401,
  /** The update writes as another member, or rewrites who did something (protocol/authorship.ts). */
  forged: 4403,
  timeout: 4408,
  tooLarge: 4413,
} as const;

export type { AuthorshipOptions } from './writer-check';

export interface ConnectionOptions {
  socket: WebSocket;
  workspace: string;
  claims: TokenClaims;
  rooms: Rooms;
  guard: UpdateGuard;
  metrics: Metrics;
  logger: Logger;
  /**
   * `maxBufferedBytes`: what the server holds for a client that is not reading (a stalled network,
   * a stopped process). Past it the socket is dropped: memory stays bounded, and the client
   * catches up from its state vector when it reconnects, so nothing is lost.
   */
  limits: { maxMessagesPerSecond: number; messageBurst: number; maxBufferedBytes: number };
  authorship: AuthorshipOptions | null;
  onClose(connection: Connection): void;
}

/** Messages queued before the server stops reading the socket until it has caught up. */
const QUEUE_HIGH = 256;

/** Numbers connections in the log, so the lines of one socket can be followed. */
let lastConnectionId = 0;

export class Connection implements RoomMember {
  readonly workspace: string;
  readonly claims: TokenClaims;
  /** The member this connection writes as: a personal token's, or the one a shared token first wrote as. */
  writer: string | null;
  private room: Room | null = null;
  private readonly queue: Uint8Array[] = [];
  private processing = false;
  private closed = false;
  private alive = true;
  private rateBlockedUntil = 0;
  private rateTimer: NodeJS.Timeout | null = null;
  private deniedSent = false;
  private readonly bucket: TokenBucket;
  private readonly log: Logger;

  constructor(private readonly o: ConnectionOptions) {
    this.workspace = o.workspace;
    this.claims = o.claims;
    this.writer = o.claims.m ?? null;
    this.log = o.logger.child({ workspace: o.workspace, role: o.claims.r, member: this.writer ?? 'shared invite', conn: ++lastConnectionId });
    this.bucket = createTokenBucket(o.limits.maxMessagesPerSecond, o.limits.messageBurst);
    const { socket } = o;
    socket.on('message', (data, isBinary) => this.receive(data as Buffer | ArrayBuffer | Buffer[], isBinary));
    socket.on('pong', () => (this.alive = true));
    socket.on('error', (error: Error & { code?: string }) => {
      // ws closes the socket itself after a protocol error (1009 for a frame over maxPayload).
      const reason: RejectReason = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'oversized' : 'protocol_error';
      o.metrics.rejected(reason);
      this.log.warn('socket error', { reason, error: error.message });
    });
    socket.on('close', (code, reason) => this.cleanup(code, reason.toString()));
    this.log.info('connection opened');
    o.rooms.join(o.workspace, this).then(
      (room) => this.start(room),
      () => this.close(CLOSE.internal, 'workspace unavailable'),
    );
  }

  get role(): TokenClaims['r'] {
    return this.claims.r;
  }

  send(message: Uint8Array): void {
    if (this.closed || this.o.socket.readyState !== this.o.socket.OPEN) return;
    // What is already waiting counts, not this message: a reader that keeps up must always be able
    // to receive one catch-up larger than the limit (a whole document after a reconnect).
    if (this.o.socket.bufferedAmount > this.o.limits.maxBufferedBytes) {
      this.o.metrics.rejected('slow_reader');
      this.log.warn('client is not reading; dropped', { buffered: this.o.socket.bufferedAmount });
      this.closed = true;
      this.o.socket.terminate();
      return;
    }
    this.o.socket.send(message, (error) => error && this.o.socket.terminate());
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    // A paused socket would never read the peer's close frame.
    if (this.o.socket.isPaused) this.o.socket.resume();
    this.o.socket.close(code, reason);
  }

  /** Heartbeat tick: drop sockets that missed a pong, ping the rest (access is rechecked apart: revoke()). */
  tick(): void {
    if (this.closed) return;
    if (this.o.socket.isPaused) return; // not reading, so its pong cannot have been read either
    if (!this.alive) {
      this.log.info('connection lost (no pong)');
      this.o.socket.terminate();
      return;
    }
    this.alive = false;
    this.o.socket.ping();
  }

  /** The token no longer admits this connection (revoked, expired, shared invites off): close it. */
  revoke(reason: string): void {
    if (this.closed) return;
    this.log.info('access withdrawn', { reason });
    this.close(CLOSE.revoked, reason);
  }

  private start(room: Room): void {
    if (this.closed) return void this.o.rooms.leave(room, this);
    this.room = room;
    // A viewer is not asked for its state: it may not write, so its step 2 would only be dropped.
    if (canWrite(this.role)) this.send(encodeSyncStep1(room.doc));
    const states = room.awareness.getStates();
    if (states.size > 0) this.send(encodeAwareness(room.awareness, [...states.keys()]));
    void this.pump();
  }

  private receive(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    if (this.closed) return;
    this.alive = true; // any traffic proves the peer is there, not only a pong
    if (!isBinary) return this.reject('malformed', CLOSE.unsupported, 'text frames are not part of the protocol');
    const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    this.queue.push(bytes);
    const waitMs = this.bucket.take();
    if (waitMs > 0) {
      this.o.metrics.rejected('rate_limited'); // counted, not dropped: it is processed like any other
      this.rateBlockedUntil = Math.max(this.rateBlockedUntil, Date.now() + waitMs);
    }
    this.flow();
    void this.pump();
  }

  /** Pauses reading while over the rate or behind on processing; resumes when both are fine. */
  private flow(): void {
    if (this.closed) return;
    const rateBlocked = this.rateBlockedUntil > Date.now();
    if (rateBlocked && !this.rateTimer) {
      const resume = () => ((this.rateTimer = null), this.flow());
      this.rateTimer = setTimeout(resume, this.rateBlockedUntil - Date.now());
    }
    const pause = rateBlocked || this.queue.length > QUEUE_HIGH;
    if (pause && !this.o.socket.isPaused) this.o.socket.pause();
    else if (!pause && this.o.socket.isPaused) this.o.socket.resume();
  }

  private async pump(): Promise<void> {
    if (this.processing || !this.room) return;
    this.processing = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        const bytes = this.queue.shift()!;
        try {
          await this.handle(this.room, bytes);
        } catch (error) {
          // One bad message closes its own connection, never the process or the room.
          const detail = error instanceof MalformedMessage ? error.message : `unreadable: ${(error as Error).message}`;
          this.reject('malformed', CLOSE.malformed, detail);
        }
        if (this.queue.length <= QUEUE_HIGH) this.flow();
      }
    } finally {
      this.processing = false;
    }
  }

  private async handle(room: Room, bytes: Uint8Array): Promise<void> {
    const message = parseClientMessage(bytes);
    switch (message.kind) {
      case 'sync-step1': {
        const reply = encodeSyncStep2(room.doc, message.stateVector);
        // Nothing leaves the server before it is stored: the reply may hold updates still in flight.
        room.whenStored().then(() => this.send(reply), () => {});
        return;
      }
      case 'sync-step2':
      case 'update':
        this.o.metrics.updatesIn();
        return this.applyUpdate(room, message.update);
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, this);
        return;
      case 'query-awareness':
        this.send(encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]));
        return;
      case 'auth':
        return;
    }
  }

  private async applyUpdate(room: Room, update: Uint8Array): Promise<void> {
    if (!canWrite(this.role)) {
      this.o.metrics.rejected('viewer_write');
      if (!this.deniedSent) this.send(encodePermissionDenied('read-only: this invite is for a viewer'));
      this.deniedSent = true;
      return;
    }
    if (isEmptyUpdate(update)) return;
    if (!room.admits(update.byteLength)) return this.reject('doc_too_large', CLOSE.tooLarge, 'document too large');
    const verdict = await this.o.guard.check(update);
    if (this.closed || room.state !== 'ready') return; // closed while the guard ran: the client resends
    if (!verdict.ok) {
      return this.reject(verdict.reason, verdict.reason === 'timeout' ? CLOSE.timeout : CLOSE.malformed, verdict.message);
    }
    const checked = this.checkAuthorship(room, update);
    if (checked === false) return;
    Y.applyUpdate(room.doc, update, this); // origin = this member, so the relay skips the sender
    if (!checked) return;
    if (checked.bound) this.o.authorship!.onBound(this, checked.bound, room.doc);
    if (this.writer !== null && checked.clients.size > 0) this.o.authorship!.onAccepted(this.workspace, this.writer, checked.clients);
  }

  /** False when the update was refused (and the connection closed), null without a check. */
  private checkAuthorship(room: Room, update: Uint8Array): { bound: string | null; clients: Map<number, number> } | null | false {
    const options = this.o.authorship;
    if (!options) return null;
    const verdict = checkWriter(options, this.o.metrics, { doc: room.doc, update, workspace: this.workspace, writer: this.writer, role: this.role });
    if (!verdict.ok) {
      if (verdict.reason === 'timeout') this.reject('timeout', CLOSE.timeout, verdict.message);
      else {
        options.onRefused(this, verdict.message);
        this.reject('forged', CLOSE.forged, `refused: ${verdict.message}`);
      }
      return false;
    }
    const bound = this.writer === null && verdict.writer !== null ? verdict.writer : null;
    if (bound) this.writer = bound;
    return { bound, clients: verdict.clients };
  }

  private reject(reason: RejectReason, code: number, detail: string): void {
    this.o.metrics.rejected(reason);
    this.log.warn('message rejected', { reason, detail });
    // Close reasons are limited to 123 bytes by the protocol.
    this.close(code, detail.slice(0, 120));
  }

  private cleanup(code: number, reason: string): void {
    this.closed = true;
    this.queue.length = 0;
    if (this.rateTimer) clearTimeout(this.rateTimer);
    if (this.room) this.o.rooms.leave(this.room, this);
    this.log.info('connection closed', { code, reason });
    this.o.onClose(this);
  }
}
