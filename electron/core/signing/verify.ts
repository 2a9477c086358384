/**
 * PDF signature verification: the digest over the signed byte range must equal the signed
 * message-digest attribute, and the PKCS#7 signature over the signed attributes must verify with
 * the certificate embedded in it. node-forge parses the PKCS#7 and checks the RSA signature; this
 * file only wires its parts together (forge does not verify PKCS#7 itself).
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { parseVerifyText, type DocumentStamp } from '@shared/documents/stamp';
import { describeCertificate, type CertificateInfo } from './certificate';

export type VerifyProblem = 'unsigned' | 'unreadableSignature' | 'unsupportedAlgorithm' | 'noSignerCertificate' | 'digestMismatch' | 'badSignature';

export interface PdfVerification {
  signed: boolean;
  /** The content digest matches and the signature verifies against the embedded certificate. */
  valid: boolean;
  /** Why the document is not valid; null when it is. */
  problem: VerifyProblem | null;
  /** False when bytes were added after the signed revision (an incremental update after signing). */
  coversWholeFile: boolean;
  signer: CertificateInfo | null;
  /** ISO time from the signed signing-time attribute. */
  signedAt: string | null;
  /** The verify text from the document's metadata, read from the signed bytes when there are any. */
  stamp: DocumentStamp | null;
}

export type ByteRange = [number, number, number, number];

/** Every completed signature's byte range, in file order (a placeholder not yet signed has none). */
export function findSignatureRanges(pdf: Buffer): ByteRange[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]);
}

// Our verify text is URL-encoded ASCII, so pdfkit stores it as a plain literal string in the Info dictionary.
const STAMP_TEXT = /ruangjuri:verify\?[A-Za-z0-9*\-._%+=&]+/g;

/** The last verify text in the bytes (a later revision's metadata wins), parsed. */
export function readStamp(bytes: Buffer): DocumentStamp | null {
  const found = bytes.toString('latin1').match(STAMP_TEXT);
  return found ? parseVerifyText(found[found.length - 1]) : null;
}

const { asn1 } = forge;
const OID = {
  contentType: forge.pki.oids.contentType,
  messageDigest: forge.pki.oids.messageDigest,
  signingTime: forge.pki.oids.signingTime,
};
const DIGESTS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);
const RSA_SIGNATURES = new Set(['rsaEncryption', 'sha1WithRSAEncryption', 'sha256WithRSAEncryption', 'sha384WithRSAEncryption', 'sha512WithRSAEncryption']);

class Problem extends Error {
  constructor(readonly problem: VerifyProblem) {
    super(problem);
  }
}

const children = (node: forge.asn1.Asn1): forge.asn1.Asn1[] => (Array.isArray(node.value) ? node.value : []);
const oidOf = (node: forge.asn1.Asn1 | undefined): string => (node && typeof node.value === 'string' ? asn1.derToOid(node.value) : '');

/** One SignerInfo (RFC 2315 §9.2), read positionally: forge captures it but does not decode it. */
function readSignerInfo(signerInfo: forge.asn1.Asn1) {
  const [, issuerAndSerial, digestAlgorithm, ...rest] = children(signerInfo);
  const attributes = rest.find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const [signatureAlgorithm, encryptedDigest] = rest.filter((n) => n.tagClass === asn1.Class.UNIVERSAL);
  if (!issuerAndSerial || !digestAlgorithm || !signatureAlgorithm || typeof encryptedDigest?.value !== 'string') throw new Problem('unreadableSignature');
  const serial = children(issuerAndSerial)[1];
  return {
    serialHex: typeof serial?.value === 'string' ? forge.util.bytesToHex(serial.value) : '',
    digest: forge.pki.oids[oidOf(children(digestAlgorithm)[0])] as string | undefined,
    signatureAlgorithm: forge.pki.oids[oidOf(children(signatureAlgorithm)[0])] as string | undefined,
    signature: encryptedDigest.value,
    attributes: attributes ? children(attributes) : null,
  };
}

/** An attribute's first value: SEQUENCE { type OID, SET { value … } }. */
function attributeValue(attributes: forge.asn1.Asn1[], oid: string): forge.asn1.Asn1 | undefined {
  const attribute = attributes.find((a) => oidOf(children(a)[0]) === oid);
  return attribute ? children(children(attribute)[1] ?? { value: [] } as unknown as forge.asn1.Asn1)[0] : undefined;
}

function signingTimeOf(attributes: forge.asn1.Asn1[] | null): string | null {
  const node = attributes && attributeValue(attributes, OID.signingTime);
  if (!node || typeof node.value !== 'string') return null;
  const date = node.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(node.value) : asn1.generalizedTimeToDate(node.value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Serial numbers compare without leading zero bytes (DER keeps one for positive numbers with the top bit set). */
const sameSerial = (a: string, b: string): boolean => a.replace(/^(00)+/, '').toLowerCase() === b.replace(/^(00)+/, '').toLowerCase();

function checkSignature(pdf: Buffer, [start, firstLength, secondStart, secondLength]: ByteRange): Omit<PdfVerification, 'signed' | 'coversWholeFile' | 'stamp'> {
  const contentsEnd = secondStart - 1;
  if (start !== 0 || firstLength >= secondStart || secondStart + secondLength > pdf.length || pdf[firstLength] !== 0x3c || pdf[contentsEnd] !== 0x3e) {
    throw new Problem('unreadableSignature');
  }
  const hex = pdf.subarray(firstLength + 1, contentsEnd).toString('latin1');
  // The unsigned hole may hold the signature's hex string and nothing else.
  if (!/^[0-9a-fA-F]*$/.test(hex)) throw new Problem('unreadableSignature');
  const signedBytes = Buffer.concat([pdf.subarray(0, firstLength), pdf.subarray(secondStart, secondStart + secondLength)]);
  const der = Buffer.from(hex, 'hex');
  let message: forge.pkcs7.Captured<forge.pkcs7.PkcsSignedData>;
  try {
    // The /Contents hole is zero-padded after the DER object: parse the object, ignore the padding.
    const parsed = (asn1.fromDer as unknown as (bytes: string, options: object) => forge.asn1.Asn1)(der.toString('binary'), { parseAllBytes: false });
    message = forge.pkcs7.messageFromAsn1(parsed) as forge.pkcs7.Captured<forge.pkcs7.PkcsSignedData>;
  } catch (error) {
    throw new Problem(/public key|not RSA/i.test((error as Error).message) ? 'unsupportedAlgorithm' : 'unreadableSignature');
  }
  const signerInfo = (message.rawCapture?.signerInfos as forge.asn1.Asn1[] | undefined)?.[0];
  if (!signerInfo) throw new Problem('unreadableSignature');
  const info = readSignerInfo(signerInfo);
  const certificate = message.certificates.find((cert) => sameSerial(cert.serialNumber, info.serialHex));
  if (!certificate) throw new Problem('noSignerCertificate');
  const signer = describeCertificate(certificate);
  const signedAt = signingTimeOf(info.attributes);
  if (!info.digest || !DIGESTS.has(info.digest) || !info.signatureAlgorithm || !RSA_SIGNATURES.has(info.signatureAlgorithm)) {
    return { valid: false, problem: 'unsupportedAlgorithm', signer, signedAt };
  }
  const contentDigest = createHash(info.digest).update(signedBytes).digest('binary');
  let toVerify: string;
  if (info.attributes) {
    const messageDigest = attributeValue(info.attributes, OID.messageDigest);
    if (messageDigest?.value !== contentDigest) return { valid: false, problem: 'digestMismatch', signer, signedAt };
    // The signature covers the attributes DER-encoded as a SET OF, not with their [0] tag (RFC 2315 §9.3).
    const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, info.attributes);
    toVerify = createHash(info.digest).update(Buffer.from(asn1.toDer(set).getBytes(), 'binary')).digest('binary');
  } else {
    toVerify = contentDigest;
  }
  let verified = false;
  try {
    verified = (certificate.publicKey as forge.pki.rsa.PublicKey).verify(toVerify, info.signature);
  } catch {
    verified = false;
  }
  return verified ? { valid: true, problem: null, signer, signedAt } : { valid: false, problem: 'badSignature', signer, signedAt };
}

/** Verifies the document's last signature (the one over the latest signed revision). */
export function verifyPdf(pdf: Buffer): PdfVerification {
  const ranges = findSignatureRanges(pdf);
  const range = ranges[ranges.length - 1];
  if (!range) return { signed: false, valid: false, problem: 'unsigned', coversWholeFile: false, signer: null, signedAt: null, stamp: readStamp(pdf) };
  const coversWholeFile = range[2] + range[3] === pdf.length;
  const signedPart = Buffer.concat([pdf.subarray(0, range[1]), pdf.subarray(range[2], range[2] + range[3])]);
  const stamp = readStamp(signedPart);
  try {
    return { signed: true, coversWholeFile, stamp, ...checkSignature(pdf, range) };
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return { signed: true, valid: false, problem: error.problem, coversWholeFile, signer: null, signedAt: null, stamp };
  }
}
