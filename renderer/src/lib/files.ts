/** Reading a picked file in the renderer: as a data URL, with progress for big spreadsheets. */
export interface ReadProgress {
  loaded: number;
  total: number;
}

export function readAsDataUrl(file: Blob, onProgress?: (progress: ReadProgress) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    reader.onload = () => {
      onProgress?.({ loaded: file.size, total: file.size });
      resolve(String(reader.result ?? ''));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onabort = () => reject(new Error('read aborted'));
    reader.readAsDataURL(file);
  });
}

/** The base64 part of a data URL ("data:…;base64,AAAA" → "AAAA"). */
export const dataUrlBase64 = (dataUrl: string): string => dataUrl.slice(dataUrl.indexOf(',') + 1);

/** Percent read, 0–100. */
export const percentOf = (progress: ReadProgress | null): number =>
  !progress || progress.total <= 0 ? 0 : Math.min(100, Math.round((progress.loaded / progress.total) * 100));
