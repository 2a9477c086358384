/**
 * Bytes of a text file (CSV) to text, with Node's own decoders: a byte-order mark decides;
 * without one, strict UTF-8, else Windows-1252 (what Excel on an Indonesian or English Windows
 * writes when it saves "CSV" rather than "CSV UTF-8").
 */

export class EncodingError extends Error {}

export interface Decoded {
  text: string;
  /** Shown to the user in the preview. */
  encoding: 'UTF-8' | 'UTF-8 BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';
}

const decode = (label: string, bytes: Uint8Array): string => new TextDecoder(label, { fatal: true }).decode(bytes);

/** Without a byte-order mark, UTF-16 text shows as NUL bytes at every other position. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 2000);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.1) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.1) return 'utf-16be';
  return null;
}

/**
 * Node 20.18.3+ and 22.13+ decode 'windows-1252' as Latin-1 on their fast path, so 0x80–0x9F
 * (– “ ” € …) become control characters (nodejs/node#60888). A streaming call goes through ICU's
 * converter, which follows the WHATWG table; the final call flushes (nothing is pending in a
 * single-byte encoding).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const decoder = new TextDecoder('windows-1252');
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

export function decodeText(bytes: Uint8Array): Decoded {
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', bytes), encoding: 'UTF-8 BOM' };
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes), encoding: 'UTF-16LE' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes), encoding: 'UTF-16BE' };
  } catch {
    throw new EncodingError('text does not match its byte-order mark');
  }
  if (bytes.includes(0)) {
    const utf16 = utf16WithoutBom(bytes);
    if (!utf16) throw new EncodingError('binary data');
    try {
      return { text: decode(utf16, bytes), encoding: utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE' };
    } catch {
      throw new EncodingError('invalid UTF-16');
    }
  }
  try {
    return { text: decode('utf-8', bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}
