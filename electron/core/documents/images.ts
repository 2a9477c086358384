/**
 * Images that go into documents (the letterhead logo, drawn signatures) come from the database as
 * data URLs. pdfmake throws half-way through a document on an image it cannot decode, so each one is
 * decoded here first and a broken one is left out instead.
 */
import { PNG } from 'pngjs';

const DATA_URL = /^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]+)$/;

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  rgba: Buffer;
}

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG's pixels, or null when the bytes are not a PNG that decodes. */
export function decodePng(bytes: Buffer): DecodedPng | null {
  if (!bytes.subarray(0, 8).equals(PNG_MAGIC)) return null;
  try {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, rgba: png.data };
  } catch {
    return null;
  }
}

/** A JPEG pdfkit can embed: start-of-image, a start-of-frame marker with the size, end-of-image. */
function readableJpeg(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) return false;
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return false;
    const marker = bytes[pos + 1];
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): the frame header pdfkit reads the size from.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return pos + 9 <= bytes.length;
    pos += 2 + bytes.readUInt16BE(pos + 2);
  }
  return false;
}

/** The data URL when it holds a PNG or JPEG that decodes, else null (then the document prints without it). */
export function readableImage(dataUrl: string | null | undefined): string | null {
  if (!dataUrl) return null;
  const match = DATA_URL.exec(dataUrl);
  if (!match) return null;
  const bytes = Buffer.from(match[2], 'base64');
  const ok = match[1] === 'png' ? decodePng(bytes) !== null : readableJpeg(bytes);
  return ok ? dataUrl : null;
}

/** True when some pixel is visibly drawn (not fully transparent and not white). */
export function hasInk(png: DecodedPng): boolean {
  const { rgba } = png;
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3];
    if (alpha > 16 && (rgba[i] < 200 || rgba[i + 1] < 200 || rgba[i + 2] < 200)) return true;
  }
  return false;
}
