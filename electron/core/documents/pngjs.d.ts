/** The part of pngjs (installed with qrcode) Ruang Juri uses: decoding a PNG to RGBA pixels (and, in tests, encoding one). */
declare module 'pngjs' {
  interface Image {
    width: number;
    height: number;
    /** RGBA, 4 bytes per pixel. */
    data: Buffer;
  }
  export const PNG: {
    sync: { read(buffer: Buffer): Image; write(image: Image): Buffer };
  };
}
