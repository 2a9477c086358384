/** The core's public surface, used by electron/main, the LAN server and the CLI. */
import type { Actor } from '@shared/domain/actor';
import type { PushEnvelope, ReplyEnvelope, RequestEnvelope } from '@shared/api/envelope';
import type { CommandInput, CommandName, CommandOutput } from '@shared/api/contract';
import type { Locale } from '@shared/i18n';
import type { NetworkController } from './pairing';

export type { NetworkController } from './pairing';

export interface CoreOptions {
  /** Folder holding ruang-juri.sqlite (created when missing). */
  dataDir: string;
  /** Injected clock for tests; defaults to Date.now. */
  now?: () => number;
}

export type PushListener = (push: PushEnvelope, canReceive: (actor: Actor) => boolean) => void;

export interface Core {
  /** Runs one request envelope as `actor`; never throws, always answers with a reply envelope. */
  handle(actor: Actor, request: RequestEnvelope): Promise<ReplyEnvelope>;
  /** Typed convenience over `handle` for in-process callers (CLI, tests); throws the AppError on failure. */
  call<N extends CommandName>(actor: Actor, command: N, input: CommandInput<N>, locale?: Locale): Promise<CommandOutput<N>>;
  /**
   * Resolves a device (or kiosk) token to the actor it acts as now; unknown or revoked tokens give the
   * anonymous actor. A request counts as the device being seen (and keeps a kiosk session alive);
   * `{ seen: false }` only checks (the LAN server re-checking its open sockets).
   */
  authenticate(deviceToken: string | undefined | null, options?: { seen?: boolean }): Actor;
  /** Push events after their transaction committed; the listener filters with `canReceive`. */
  subscribe(listener: PushListener): () => void;
  /** Issues a one-time organiser pairing token (the link `serve` prints). */
  issueOrganiserToken(): string;
  /** The LAN server tells the core its address so pairing links can be absolute. */
  setPublicUrl(url: string | null): void;
  /** True when the token belonged to a device the organiser revoked (its requests are refused with "deviceRevoked"). */
  isRevokedToken(deviceToken: string | undefined | null): boolean;
  /** Whoever runs the LAN server registers how to rebind it (network.status / network.setMode); null unregisters. */
  setNetworkController(controller: NetworkController | null): void;
  readonly dataDir: string;
  close(): void;
}
