type Listener = (payload: unknown) => void;

interface WaitingCommand {
  resolve: (reply: unknown) => void;
  reject: (error: Error) => void;
}

/** WebSocket.OPEN; spelled out because test doubles need not carry the constants. */
const OPEN = 1;

/**
 * One WebSocket for every subscription; reconnects with backoff and tells listeners it did.
 * While it is open it also carries commands (frame = request envelope, answer = `{ reply }`),
 * which spares an HTTP request per mark save.
 */
export class PushChannel {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly reconnectListeners = new Set<() => void>();
  private socket: WebSocket | null = null;
  /** The token the current socket was opened with: the server acts as that device for its commands. */
  private socketToken: string | null = null;
  /** Commands sent over the current socket, by request id, until their reply frame arrives. */
  private readonly waiting = new Map<string, WaitingCommand>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  /** A socket was lost (or never came up) since the views loaded: they must refetch when it opens. */
  private missedEvents = false;
  private readonly initialMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly origin: string,
    private readonly Socket: typeof WebSocket | undefined,
    private readonly getToken: () => string | null,
    backoff: { initialMs: number; maxMs: number } = { initialMs: 500, maxMs: 10_000 },
  ) {
    this.initialMs = backoff.initialMs;
    this.maxMs = backoff.maxMs;
  }

  subscribe(event: string, cb: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(cb);
    this.ensure();
    return () => {
      set.delete(cb);
    };
  }

  onReconnect(cb: () => void): () => void {
    this.reconnectListeners.add(cb);
    this.ensure();
    return () => {
      this.reconnectListeners.delete(cb);
    };
  }

  /** Whether a command acting as `token` can go over the socket now (a kiosk switch-in changes the token, not the socket). */
  carriesCommandsFor(token: string | null): boolean {
    return !!token && this.socket?.readyState === OPEN && this.socketToken === token;
  }

  /**
   * Sends a serialized request envelope; resolves with the `reply` of the frame bearing its id,
   * unchecked. Rejects when the socket goes away first: whether the command ran is then unknown,
   * as with a lost HTTP response. No timeout of its own, like HTTP.
   */
  request(id: string, envelope: string): Promise<unknown> {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return Promise.reject(new Error('socket not open'));
    return new Promise((resolve, reject) => {
      socket.send(envelope);
      this.waiting.set(id, { resolve, reject });
    });
  }

  /** The token changed: drop the socket and open a new one at once. */
  restart(): void {
    this.clearTimer();
    this.discard('socket replaced');
    this.attempts = 0;
    this.ensure();
  }

  /**
   * The browser says the network is gone: close the socket at once, so that commands fall back to
   * HTTP (which fails fast), rather than wait on a half-open socket — or on one Chromium keeps alive
   * under emulated offline. `wake()` on `online`, or the backoff, reopens it.
   */
  drop(): void {
    if (!this.socket) return;
    this.discard('network offline');
    this.schedule();
  }

  /** The network or the screen came back: retry now instead of waiting for the backoff. */
  wake(): void {
    if (this.socket) return;
    this.clearTimer();
    this.attempts = 0;
    this.ensure();
  }

  url(token: string): string {
    const base = new URL(this.origin);
    const scheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${base.host}/events?token=${encodeURIComponent(token)}`;
  }

  private get wanted(): boolean {
    for (const set of this.listeners.values()) if (set.size) return true;
    return this.reconnectListeners.size > 0;
  }

  private ensure(): void {
    if (this.socket || this.timer || !this.Socket || !this.wanted) return;
    const token = this.getToken();
    if (!token) return; // anonymous devices receive no events
    let socket: WebSocket;
    try {
      socket = new this.Socket(this.url(token));
    } catch {
      this.missedEvents = true;
      this.schedule();
      return;
    }
    this.socket = socket;
    this.socketToken = token;
    socket.onopen = () => {
      this.attempts = 0;
      if (this.missedEvents) {
        this.missedEvents = false;
        for (const cb of [...this.reconnectListeners]) cb();
      }
    };
    socket.onmessage = (message: MessageEvent) => this.receive(message.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.missedEvents = true;
      this.failWaiting('socket closed');
      this.schedule();
    };
    socket.onerror = () => {
      // onclose follows (and reconnects); the waiting commands need not wait for it.
      if (this.socket === socket) this.failWaiting('socket error');
    };
  }

  /** Forgets the current socket without waiting for its close event. */
  private discard(reason: string): void {
    const old = this.socket;
    this.socket = null;
    if (old) {
      old.onclose = null;
      old.close();
      this.missedEvents = true;
    }
    this.failWaiting(reason);
  }

  private failWaiting(reason: string): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const command of waiting) command.reject(new Error(reason));
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: { event?: unknown; payload?: unknown; reply?: unknown };
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (frame && typeof frame === 'object' && 'reply' in frame) return this.answer(frame.reply);
    if (typeof frame?.event !== 'string') return;
    for (const cb of [...(this.listeners.get(frame.event) ?? [])]) cb(frame.payload);
  }

  /** A reply frame ends the wait of the command with its id; others' (a replaced socket's) are ignored. */
  private answer(reply: unknown): void {
    const id = (reply as { id?: unknown } | null)?.id;
    const command = typeof id === 'string' ? this.waiting.get(id) : undefined;
    if (!command) return;
    this.waiting.delete(id as string);
    command.resolve(reply);
  }

  private schedule(): void {
    if (this.timer || !this.wanted) return;
    const delay = Math.min(this.maxMs, this.initialMs * 2 ** this.attempts);
    this.attempts += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ensure();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
