/**
 * @module A plain WebDriver BiDi client over a websocket (the `ws` package): commands in, results
 * out. Used on the session Marionette opened with `webSocketUrl: true`, so both protocols share one
 * WebDriver session (Firefox allows one at a time).
 */
import WebSocket from 'ws';

export class BidiError extends Error {}

export class Bidi {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; method: string }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; type: string; result?: unknown; error?: string; message?: string };
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting || message.id === undefined) return; // events: none subscribed
      this.pending.delete(message.id);
      if (message.type === 'error') waiting.reject(new BidiError(`${waiting.method}: ${message.error}: ${message.message}`));
      else waiting.resolve(message.result);
    });
    const failAll = (error: Error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    socket.on('error', failAll);
    socket.on('close', () => failAll(new BidiError('WebDriver BiDi socket closed')));
  }

  static async connect(url: string): Promise<Bidi> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new Bidi(socket);
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.nextId;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method }));
  }

  /** Installs an unpacked extension temporarily (`webExtension.install`); resolves with its id. */
  async installExtension(path: string): Promise<string> {
    const { extension } = await this.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path } });
    return extension;
  }

  close(): void {
    this.socket.close();
  }
}
