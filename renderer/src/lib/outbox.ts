/**
 * What a juror device keeps in the browser so nothing typed is lost when the Wi-Fi drops:
 * the typed drafts per entry and an outbox of sheet operations, each with its opId made once,
 * stored before it is sent and reused on every retry (the core applies an opId only once).
 */

export interface SheetOp {
  opId: string;
  entryId: number;
  marks: { criterionId: number; value: string }[];
  /** The juror's comments as typed (issue 5); absent in ops stored before comments existed. */
  comments?: { criterionId: number; text: string }[];
  comment?: string;
  submit: boolean;
  /** Automatic draft save (may be replaced by a newer one while it waits) or the juror's own action. */
  auto: boolean;
  /** The op was handed to the transport at least once (the core may already hold it). */
  tried: boolean;
}

export type DraftMap = Record<number, Record<number, string>>;
/** Per entry: comments per criterion and the overall one, as typed. */
export interface CommentDraft {
  criteria: Record<number, string>;
  overall: string;
}
export type CommentDraftMap = Record<number, CommentDraft>;

const PREFIX = 'ruang-juri.juror';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read<T>(key: string, fallback: T): T {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the page still works, only reload-safety is lost */
  }
}

/** Keys are per device token, so two jurors pairing the same browser never see each other's drafts. */
export class DeviceStore {
  constructor(readonly scope: string) {}

  private get draftsKey() {
    return `${PREFIX}.drafts.${this.scope}`;
  }
  private get outboxKey() {
    return `${PREFIX}.outbox.${this.scope}`;
  }
  private get commentsKey() {
    return `${PREFIX}.comments.${this.scope}`;
  }

  loadCommentDrafts(): CommentDraftMap {
    const drafts = read<CommentDraftMap>(this.commentsKey, {});
    return drafts && typeof drafts === 'object' ? drafts : {};
  }

  saveCommentDraft(entryId: number, value: CommentDraft | null): void {
    const drafts = this.loadCommentDrafts();
    if (value) drafts[entryId] = value;
    else delete drafts[entryId];
    write(this.commentsKey, drafts);
  }

  loadDrafts(): DraftMap {
    const drafts = read<DraftMap>(this.draftsKey, {});
    return drafts && typeof drafts === 'object' ? drafts : {};
  }

  saveDraft(entryId: number, values: Record<number, string> | null): void {
    const drafts = this.loadDrafts();
    if (values) drafts[entryId] = values;
    else delete drafts[entryId];
    write(this.draftsKey, drafts);
  }

  loadOutbox(): SheetOp[] {
    const ops = read<SheetOp[]>(this.outboxKey, []);
    return Array.isArray(ops) ? ops.filter((op) => op && typeof op.opId === 'string' && typeof op.entryId === 'number') : [];
  }

  saveOutbox(ops: readonly SheetOp[]): void {
    write(this.outboxKey, ops);
  }
}

export type SendResult = { kind: 'ok'; value: unknown } | { kind: 'offline' } | { kind: 'refused'; error: unknown };

export interface OutboxHooks {
  /** Sends one op; classifies the answer. */
  send(op: SheetOp): Promise<SendResult>;
  acknowledged(op: SheetOp, value: unknown): void;
  refused(op: SheetOp, error: unknown): void;
  /** Online state changed (after a send or a failed one). */
  connectivity(online: boolean): void;
  changed(ops: readonly SheetOp[]): void;
}

/** Ops sent one at a time, in order; a network failure stops the queue and retries with backoff. */
export class Outbox {
  private ops: SheetOp[];
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private readonly waiters = new Map<string, (result: 'ok' | 'offline' | 'refused') => void>();

  constructor(
    private readonly store: DeviceStore,
    private readonly hooks: OutboxHooks,
    private readonly backoff = { initialMs: 1000, maxMs: 15_000 },
  ) {
    this.ops = store.loadOutbox();
  }

  get pending(): readonly SheetOp[] {
    return this.ops;
  }

  /** Stores the op before anything is sent; an unsent automatic draft of the same entry is replaced. */
  add(op: SheetOp): void {
    this.ops = this.ops.filter((o) => !(o.auto && !o.tried && o.entryId === op.entryId && o !== this.ops[0]));
    this.ops.push(op);
    this.persist();
  }

  /** Resolves when this op was acknowledged, refused, or the queue stopped because the network is down. */
  whenSettled(opId: string): Promise<'ok' | 'offline' | 'refused'> {
    return new Promise((resolve) => this.waiters.set(opId, resolve));
  }

  /** Sends everything queued now (a no-op while a flush is running: that one continues). */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.running) {
      this.again = true; // an op added while the queue was stopping still gets its attempt
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.running;
  }

  dispose(): void {
    this.clearTimer();
  }

  private async run(): Promise<void> {
    while (this.ops.length) {
      const op = this.ops[0];
      if (!op.tried) {
        op.tried = true;
        this.persist();
      }
      const result = await this.hooks.send(op);
      if (result.kind === 'offline') {
        this.hooks.connectivity(false);
        for (const o of this.ops) this.settle(o.opId, 'offline');
        this.schedule();
        return;
      }
      this.attempts = 0;
      this.hooks.connectivity(true);
      this.ops = this.ops.filter((o) => o !== op);
      this.persist();
      if (result.kind === 'ok') {
        this.hooks.acknowledged(op, result.value);
        this.settle(op.opId, 'ok');
      } else {
        this.hooks.refused(op, result.error);
        this.settle(op.opId, 'refused');
      }
    }
  }

  private settle(opId: string, result: 'ok' | 'offline' | 'refused') {
    const waiter = this.waiters.get(opId);
    if (!waiter) return;
    this.waiters.delete(opId);
    waiter(result);
  }

  private schedule() {
    if (this.timer) return;
    const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.attempts);
    this.attempts += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private persist() {
    this.store.saveOutbox(this.ops);
    this.hooks.changed(this.ops);
  }
}
