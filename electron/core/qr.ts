/**
 * QR codes as SVG, rendered in the core from the `qrcode` package's matrix, synchronously and
 * offline: handlers run inside a transaction (no await), the renderer needs no QR library, and the
 * result documents (pdfmake, also in core) can print the same codes.
 */
import QRCode from 'qrcode';

/** An SVG of `text` as a QR code (error correction M, 4-module quiet zone), black on white. */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const quiet = 4;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!modules.get(row, col)) continue;
      // One horizontal run per stretch of dark modules keeps the path short.
      let run = 1;
      while (col + run < size && modules.get(row, col + run)) run++;
      path += `M${col + quiet} ${row + quiet}h${run}v1h-${run}z`;
      col += run - 1;
    }
  }
  const full = size + 2 * quiet;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges"><rect width="${full}" height="${full}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}

/** The same as a data URL, for an <img> (the CSP allows data: images). */
export const qrDataUrl = (text: string): string => `data:image/svg+xml;base64,${Buffer.from(qrSvg(text)).toString('base64')}`;
