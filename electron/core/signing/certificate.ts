/**
 * Signing certificates: opening a PKCS#12 file with its passphrase, describing its certificate,
 * and creating a self-signed one for a competition. node-forge does the ASN.1 and the crypto.
 */
import forge from 'node-forge';
import { AppError } from '@shared/api/errors';

export interface CertificateInfo {
  /** The subject's common name and organisation: who signed. */
  commonName: string;
  organization: string;
  /** The subject and issuer as one line each, e.g. "CN=…, O=…, C=ID". */
  subject: string;
  issuer: string;
  selfSigned: boolean;
  serial: string;
  /** SHA-256 (hex) of the certificate's DER bytes. */
  fingerprint: string;
  notBefore: string;
  notAfter: string;
}

export interface OpenedPkcs12 {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  info: CertificateInfo;
}

const field = (name: forge.pki.CertificateField[], short: string): string =>
  String(name.find((attr) => attr.shortName === short)?.value ?? '');

const distinguishedName = (attributes: forge.pki.CertificateField[]): string =>
  attributes.map((attr) => `${attr.shortName ?? attr.name ?? attr.type}=${String(attr.value)}`).join(', ');

export function certificateFingerprint(certificate: forge.pki.Certificate): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  return forge.md.sha256.create().update(der).digest().toHex();
}

export function describeCertificate(certificate: forge.pki.Certificate): CertificateInfo {
  const subject = certificate.subject.attributes;
  return {
    commonName: field(subject, 'CN'),
    organization: field(subject, 'O'),
    subject: distinguishedName(subject),
    issuer: distinguishedName(certificate.issuer.attributes),
    selfSigned: certificate.isIssuer(certificate),
    serial: certificate.serialNumber,
    fingerprint: certificateFingerprint(certificate),
    notBefore: certificate.validity.notBefore.toISOString(),
    notAfter: certificate.validity.notAfter.toISOString(),
  };
}

/** A certificate whose key-usage extension allows neither digital signatures nor non-repudiation cannot sign documents. */
function allowsSigning(certificate: forge.pki.Certificate): boolean {
  const usage = certificate.getExtension('keyUsage') as { digitalSignature?: boolean; nonRepudiation?: boolean } | null;
  return !usage || Boolean(usage.digitalSignature || usage.nonRepudiation);
}

/**
 * Opens a PKCS#12 file. The key must be in a shrouded (passphrase-encrypted) bag, the way
 * @signpdf/signer-p12 reads it, and one certificate in the file must belong to it.
 */
export function openPkcs12(p12: Buffer, passphrase: string): OpenedPkcs12 {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  } catch {
    throw new AppError('VALIDATION', 'signingNotPkcs12');
  }
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const message = (error as Error).message;
    if (/password|decrypt|MAC/i.test(message)) throw new AppError('VALIDATION', 'signingWrongPassphrase');
    if (/public key|OID is not RSA/i.test(message)) throw new AppError('VALIDATION', 'signingUnsupportedKey');
    throw new AppError('VALIDATION', 'signingNotPkcs12');
  }
  const keyBag = store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  // forge leaves `key` null for a key it cannot read (EC, DSA): only RSA keys can sign here.
  if (!key) throw new AppError('VALIDATION', keyBag ? 'signingUnsupportedKey' : 'signingNoPrivateKey');
  const certBags = store.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const certificate = certBags
    .map((bag) => bag.cert)
    .find((cert): cert is forge.pki.Certificate => {
      const publicKey = cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
      return Boolean(publicKey?.n && publicKey.n.compareTo(key.n) === 0 && publicKey.e.compareTo(key.e) === 0);
    });
  if (!certificate) throw new AppError('VALIDATION', 'signingNoCertificate');
  return { key, certificate, info: describeCertificate(certificate) };
}

/** Refuses a certificate that cannot sign a document at `now`. */
export function assertUsableForSigning(opened: OpenedPkcs12, now: Date): void {
  const { notBefore, notAfter } = opened.certificate.validity;
  if (now > notAfter) throw new AppError('VALIDATION', 'signingCertificateExpired', { date: notAfter.toISOString().slice(0, 10) });
  if (now < notBefore) throw new AppError('VALIDATION', 'signingCertificateNotYetValid', { date: notBefore.toISOString().slice(0, 10) });
  if (!allowsSigning(opened.certificate)) throw new AppError('VALIDATION', 'signingCertificateCannotSign');
}

export interface NewCertificate {
  commonName: string;
  organization?: string;
  unit?: string;
  passphrase: string;
  now: Date;
  validYears?: number;
}

/** A self-signed RSA 2048 certificate for document signing, packed as PKCS#12 (3DES, readable by OpenSSL and Windows). */
export function createCertificate({ commonName, organization, unit, passphrase, now, validYears = 2 }: NewCertificate): Buffer {
  // forge uses Node's native key generation when it is available, so this takes milliseconds.
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  // A positive random serial (leading byte below 0x80).
  certificate.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(15));
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + validYears);
  certificate.validity.notAfter = notAfter;
  const attributes = [
    { shortName: 'CN', value: commonName },
    ...(organization ? [{ shortName: 'O', value: organization }] : []),
    ...(unit ? [{ shortName: 'OU', value: unit }] : []),
    { shortName: 'C', value: 'ID' },
  ].map((attr) => ({ ...attr, valueTagClass: forge.asn1.Type.UTF8 as number }));
  certificate.setSubject(attributes);
  certificate.setIssuer(attributes);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  const pfx = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate], passphrase, {
    algorithm: '3des',
    friendlyName: commonName,
    generateLocalKeyId: true,
  });
  return Buffer.from(forge.asn1.toDer(pfx).getBytes(), 'binary');
}
