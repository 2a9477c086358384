/**
 * A document verification in words, the same for the verify screen and `ruang-juri verify`:
 * a headline and labelled lines, translated, with dates in the reader's format.
 */
import type { DocumentVerification, StampMatch } from '../api/signing-commands';
import { formatDate, formatDateTime } from '../format';
import { translate, type Locale } from '../i18n';
import type { DocumentStamp } from './stamp';

export interface VerificationLine {
  key: 'problem' | 'signedBy' | 'signedAt' | 'issuer' | 'fingerprint' | 'certificate' | 'document' | 'hash' | 'result';
  label: string;
  value: string;
}

export function matchText(match: StampMatch, locale: Locale): string {
  return translate(locale, `signing.match.${match.status}`, {
    version: match.version ?? '',
    stage: match.stageName ?? '',
    competition: match.competitionName ?? '',
    date: match.finalisedAt ? formatDate(match.finalisedAt, locale) : '',
  });
}

/** The lines a stamp alone gives (a pasted QR text): which document, which hash, what the database says. */
export function stampLines(stamp: DocumentStamp | null, match: StampMatch, locale: Locale): VerificationLine[] {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `signing.${key}`, params);
  const lines: VerificationLine[] = [];
  if (stamp) {
    lines.push({ key: 'document', label: t('field.document'), value: t('documentLine', { kind: t(`kind.${stamp.kind}`), number: stamp.number }) });
    lines.push({ key: 'hash', label: t('field.hash'), value: stamp.hash ?? t('provisionalHash') });
  }
  lines.push({ key: 'result', label: t('field.result'), value: matchText(match, locale) });
  return lines;
}

export function verificationHeadline(v: DocumentVerification, locale: Locale): string {
  return translate(locale, `signing.verdict.${v.verdict}`);
}

export function verificationLines(v: DocumentVerification, locale: Locale): VerificationLine[] {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `signing.${key}`, params);
  const lines: VerificationLine[] = [];
  // "unsigned" is the headline already; other problems say why the signature failed.
  if (v.problem && v.problem !== 'unsigned') lines.push({ key: 'problem', label: '', value: t(`problem.${v.problem}`) });
  if (v.signer) {
    const { commonName, organization, issuer, selfSigned, fingerprint } = v.signer;
    lines.push({ key: 'signedBy', label: t('field.signedBy'), value: organization ? `${commonName}, ${organization}` : commonName });
    if (v.signedAt) lines.push({ key: 'signedAt', label: t('field.signedAt'), value: formatDateTime(v.signedAt, locale) });
    lines.push({ key: 'issuer', label: t('field.issuer'), value: selfSigned ? `${issuer} (${t('panel.selfSigned')})` : issuer });
    lines.push({ key: 'fingerprint', label: t('field.fingerprint'), value: fingerprint });
    lines.push({ key: 'certificate', label: t('field.certificate'), value: t(v.certificateKnown ? 'certificateKnown' : 'certificateUnknown') });
  }
  return [...lines, ...stampLines(v.stamp, v.match, locale)];
}
