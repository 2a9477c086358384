/** The desktop app's own command-line flags: `--data DIR` and `--port N` (also as `--data=DIR`). */
export interface ShellArgs {
  /** Folder for ruang-juri.sqlite; the app's userData folder when absent. */
  dataDir?: string;
  /** Port of the local server; 0 (any free port) when absent. */
  port?: number;
}

export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const result: ShellArgs = {};
  const value = (index: number, flag: string): [string | undefined, number] => {
    const arg = argv[index];
    if (arg.startsWith(`${flag}=`)) return [arg.slice(flag.length + 1), index];
    const next = argv[index + 1];
    return next !== undefined && !next.startsWith('--') ? [next, index + 1] : [undefined, index];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data' || arg.startsWith('--data=')) {
      const [dir, last] = value(i, '--data');
      if (dir) result.dataDir = dir;
      i = last;
    } else if (arg === '--port' || arg.startsWith('--port=')) {
      const [text, last] = value(i, '--port');
      const port = Number(text);
      if (text !== undefined && Number.isInteger(port) && port >= 0 && port <= 65_535) result.port = port;
      i = last;
    }
  }
  return result;
}
