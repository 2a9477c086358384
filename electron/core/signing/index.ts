/** PDF signatures: certificates (PKCS#12), signing (@signpdf) and verification (node-forge). */
export { createCertificate, openPkcs12, assertUsableForSigning, describeCertificate, type CertificateInfo, type OpenedPkcs12 } from './certificate';
export { signPdf, assertSignable, type PdfSigner, type SignOptions } from './sign';
export { verifyPdf, readStamp, findSignatureRanges, type PdfVerification, type VerifyProblem } from './verify';
