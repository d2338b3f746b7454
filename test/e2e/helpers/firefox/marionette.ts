/**
 * @module A small client for Marionette, Firefox's own WebDriver endpoint (length-prefixed JSON over
 * TCP). Firefox's WebDriver BiDi does not reach extension pages yet (it skips every browsing context
 * with an add-on principal, Mozilla bug 1755014), so the options page, the popup and the sidebar are
 * driven through Marionette; web pages too, so one client drives every surface.
 */
import { connect, type Socket } from 'node:net';

export type ElementRef = { 'element-6066-11e4-a52e-4f735466cecf': string } | { 'shadow-6066-11e4-a52e-4f735466cecf': string };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  command: string;
}

export class MarionetteError extends Error {
  constructor(command: string, readonly error: string, message: string) {
    super(`${command}: ${error}: ${message}`);
  }
}

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', (error) => this.failAll(error));
    socket.on('close', () => this.failAll(new Error('Marionette connection closed')));
  }

  /** Connects and waits for Marionette's greeting. */
  static async connect(port: number): Promise<Marionette> {
    const socket = connect(port, '127.0.0.1');
    const client = new Marionette(socket);
    await new Promise<void>((resolve, reject) => {
      client.onGreeting = resolve;
      socket.once('error', reject);
    });
    return client;
  }

  private onGreeting: (() => void) | null = null;

  /** Sends one command and resolves with its result; a WebDriver error rejects with its code and message. */
  send<T = unknown>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`Marionette connection closed (${command})`));
    const id = ++this.nextId;
    const body = Buffer.from(JSON.stringify([0, id, command, params]));
    this.socket.write(`${body.length}:`);
    this.socket.write(body);
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, command }));
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const packet: unknown = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (!Array.isArray(packet)) {
        this.onGreeting?.();
        this.onGreeting = null;
        continue;
      }
      const [, id, error, result] = packet as [number, number, { error: string; message: string } | null, unknown];
      const waiting = this.pending.get(id);
      if (!waiting) continue;
      this.pending.delete(id);
      if (error) waiting.reject(new MarionetteError(waiting.command, error.error, error.message));
      else waiting.resolve(result);
    }
  }

  private failAll(error: Error): void {
    this.closed = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
