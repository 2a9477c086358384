/**
 * `ruang-juri report`: renders an official document headless, through the same command as the app
 * (`documents.render`), so it is numbered and registered the same way. Defaults: the only
 * competition and its active stage.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppError } from '@shared/api/errors';
import { RENDERABLE_KINDS, type RenderableKind } from '@shared/api/report-commands';
import { ORGANISER } from '@shared/domain/actor';
import { createCore } from '../index';
import { defaultDataDir } from '../paths';
import { UsageError, type CliIO } from './main';

const positiveId = (text: string | undefined, flag: string): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new UsageError(`${flag} must be a positive whole number, not "${text}"`);
  return Number(text);
};

/**
 * Where the certificate's passphrase is read from. Given, a final document is signed (as in the app);
 * `--sign` also signs a provisional one and fails (exit 1, the PDF written unsigned) without it.
 */
export const PASSPHRASE_ENV = 'RUANG_JURI_PASSPHRASE';

export async function report(args: string[], io: CliIO): Promise<number> {
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        competition: { type: 'string' },
        stage: { type: 'string' },
        kind: { type: 'string' },
        juror: { type: 'string' },
        participants: { type: 'boolean' },
        out: { type: 'string' },
        sign: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const kind = flags.kind as string | undefined;
  if (!kind || !(RENDERABLE_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`report needs --kind ${RENDERABLE_KINDS.join('|')}${kind ? `, not "${kind}"` : ''}`);
  const out = flags.out as string | undefined;
  if (!out) throw new UsageError('report needs --out FILE.pdf');
  const competitionFlag = positiveId(flags.competition as string | undefined, '--competition');
  const stageId = positiveId(flags.stage as string | undefined, '--stage');
  const jurorId = positiveId(flags.juror as string | undefined, '--juror');

  const core = createCore({ dataDir: resolve((flags.data as string | undefined) ?? defaultDataDir()) });
  try {
    let competitionId = competitionFlag;
    if (competitionId === undefined) {
      const competitions = await core.call(ORGANISER, 'competition.list', {});
      if (competitions.length === 0) {
        io.err('ruang-juri: this data folder holds no competition');
        return 1;
      }
      if (competitions.length > 1)
        throw new UsageError(`several competitions here; choose one with --competition (${competitions.map((c) => `${c.id} "${c.name}"`).join(', ')})`);
      competitionId = competitions[0].id;
    }
    // A fresh process holds no unlocked key: the passphrase comes from the environment, never a flag (shell history).
    const passphrase = process.env[PASSPHRASE_ENV] || undefined;
    let signingError: string | null = null;
    if (passphrase) {
      try {
        await core.call(ORGANISER, 'signing.unlock', { competitionId, passphrase });
      } catch (error) {
        // Without a certificate a final document is simply printed unsigned, unless --sign asked for a signature.
        if (flags.sign || (error as AppError).key !== 'signingNoCertificateInstalled') signingError = (error as Error).message;
      }
    } else if (flags.sign) signingError = `${PASSPHRASE_ENV} is not set`;
    const render = (sign: boolean | undefined) =>
      core.call(ORGANISER, 'documents.render', {
        competitionId,
        stageId,
        kind: kind as RenderableKind,
        jurorId,
        includeParticipants: flags.participants === true ? true : undefined,
        sign,
      });
    // --sign: always; a passphrase alone: the command's default (final documents); neither: unsigned.
    const wanted = signingError !== null ? false : flags.sign ? true : passphrase ? undefined : false;
    let doc;
    try {
      doc = await render(wanted);
    } catch (error) {
      if (wanted === false || !(error as AppError).key?.startsWith('signing')) throw error;
      signingError = (error as Error).message;
      doc = await render(false);
    }
    const file = resolve(out);
    writeFileSync(file, Buffer.from(doc.base64, 'base64'));
    const status = doc.hash === null ? ' (SEMENTARA: the result is not final yet)' : `, version ${doc.version}`;
    io.out(`Wrote ${file}: ${doc.pages} page${doc.pages === 1 ? '' : 's'}, number ${doc.number}${status}${doc.signed ? ', signed' : ''}.`);
    for (const notice of doc.notices) io.err(`ruang-juri: ${notice}`);
    if (signingError !== null) {
      io.err(`ruang-juri: signing not configured or refused (${signingError}); the PDF was written unsigned`);
      return 1;
    }
    return 0;
  } finally {
    core.close();
  }
}
