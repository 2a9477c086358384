/** network commands and push events (issue 5). Spread into shared/api/contract.ts. */
import { z } from 'zod';
import * as s from '../domain/schemas';
import { command, event, type CommandDef, type EventDef } from './define';

const ALL = ['organiser', 'chair', 'juror', 'display', 'anonymous'] as const;
const byCompetition = z.object({ competitionId: s.id }).strict();

/** Short pairing codes: letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L, 5/S, 8/B, 2/Z). */
export const PAIRING_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const PAIRING_CODE_LENGTH = 6;
/** What a person may type: case, spaces and dashes do not matter. */
export const normalizePairingCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');
/** Checked by the handler (a mistyped code answers "not valid", like a used one). */
const pairingCode = z.string().min(1).max(32);
/** A juror's PIN, typed when pairing a device (jurors.ts stores its scrypt hash). */
const pin = z.string().min(1).max(32).optional();

export const networkMode = z.enum(['local', 'network']);
export const networkStatus = z.object({
  mode: networkMode,
  /** The address pairing links use (the LAN address in network mode), null without a LAN server. */
  url: z.string().nullable(),
  /** Every LAN IPv4 address of this machine with the port, for devices on the Wi-Fi. */
  lanUrls: z.array(z.string()),
});

export const pairingCard = z.object({
  jurorId: s.id,
  name: z.string(),
  role: z.enum(['chair', 'juror']),
  token: z.string(),
  /** Absolute pairing link; null when no LAN server runs (the renderer builds one from its origin). */
  url: z.string().nullable(),
  /** The short code to type instead of scanning, e.g. "K7M-3QX" shown, "K7M3QX" stored (hashed). */
  code: z.string(),
  /** The QR code of `url` as an SVG data URL (rendered in the core, offline); null without `url`. */
  qr: z.string().nullable(),
  /** The juror must type their PIN when pairing. */
  hasPin: z.boolean(),
  expiresAt: z.string(),
});

export const deviceRow = z.object({
  id: s.id,
  role: z.enum(['organiser', 'chair', 'juror', 'display']),
  jurorId: s.id.nullable(),
  jurorName: z.string().nullable(),
  createdAt: z.string(),
  /** Last request this app saw from the device since it started; null when unknown. */
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const paired = z.object({ deviceToken: z.string(), actor: s.actorView });

export const networkCommands = {
  'network.status': command({ input: z.object({}).strict(), output: networkStatus, roles: ['organiser'] }),
  /** Network mode binds every interface (0.0.0.0) so devices on the Wi-Fi can reach the app; local binds 127.0.0.1. */
  'network.setMode': command({ input: z.object({ mode: networkMode }).strict(), output: networkStatus, roles: ['organiser'] }),

  /** A fresh one-time pairing link, QR code and short code per scoring juror (replacing their unused ones). */
  'device.pairingCards': command({ input: byCompetition, output: z.object({ cards: z.array(pairingCard) }), roles: ['organiser'] }),
  'device.list': command({ input: byCompetition, output: z.object({ devices: z.array(deviceRow) }), roles: ['organiser'] }),
  'device.revoke': command({ input: z.object({ deviceId: s.id }).strict(), output: deviceRow, roles: ['organiser'] }),

  /** Pairs this device with the short code typed instead of scanning the QR code; same answer as auth.pair. */
  'auth.pairByCode': command({ input: z.object({ code: pairingCode, pin }).strict(), output: paired, roles: ALL }),
} satisfies Record<string, CommandDef>;

export const networkEvents = {
  'device.paired': event({ payload: z.object({ competitionId: s.id, deviceId: s.id }), roles: ['organiser'] }),
  /** The LAN server closes the revoked device's WebSocket when it sees this. */
  'device.revoked': event({ payload: z.object({ competitionId: s.id, deviceId: s.id }), roles: ['organiser'] }),
} satisfies Record<string, EventDef>;
