/** Types for electron-binary.mjs (imported by the Electron test suite). */
export type ElectronBinary = { path: string } | { missing: string };
export function findElectronBinary(options?: { root?: string; env?: NodeJS.ProcessEnv }): ElectronBinary;
