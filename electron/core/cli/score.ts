/**
 * `ruang-juri score FILE`: recomputes a `ruang-juri/scoring@1` file and prints `ruang-juri/result@1`.
 * `ruang-juri score --check FILE`: recomputes a file that carries "results" and prints the differences.
 * Exit codes: 0 ok (or results agree), 1 results differ, 2 bad usage or an invalid file.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { JsonSyntaxError, ScoringFileError, diffResults, readScoringFile, scoreDocument } from '@shared/scoring';
import type { CliIO } from './main';

export const SCORE_USAGE = 'Usage: ruang-juri score [--check] [--no-quality] FILE';

/** Shows at most this many problems of an invalid file. */
const MAX_ISSUES = 20;

export function score(args: string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { check: { type: 'boolean' }, 'no-quality': { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (error) {
    io.err(`ruang-juri score: ${(error as Error).message}\n${SCORE_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(`ruang-juri score: ${positionals.length ? 'give one file' : 'no file given'}\n${SCORE_USAGE}`);
    return 2;
  }
  const [file] = positionals;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`ruang-juri score: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 2;
  }
  try {
    const doc = readScoringFile(text);
    if (values.check) {
      if (doc.results === undefined) {
        io.err(`ruang-juri score: ${file} carries no "results" to check`);
        return 2;
      }
      const differences = diffResults(doc.results, scoreDocument(doc, { quality: false }));
      if (differences.length === 0) {
        io.out(`${file}: the results agree with a recomputation.`);
        return 0;
      }
      io.out(`${file}: ${differences.length} difference${differences.length === 1 ? '' : 's'} from a recomputation:`);
      for (const line of differences) io.out(`  ${line}`);
      return 1;
    }
    io.out(JSON.stringify(scoreDocument(doc, { quality: !values['no-quality'] }), null, 2));
    return 0;
  } catch (error) {
    if (error instanceof ScoringFileError) {
      const lines = error.message.split('\n');
      io.err(`ruang-juri score: ${file} is not a valid scoring file:`);
      for (const line of lines.slice(0, MAX_ISSUES)) io.err(`  ${line}`);
      if (lines.length > MAX_ISSUES) io.err(`  … and ${lines.length - MAX_ISSUES} more`);
      return 2;
    }
    if (error instanceof JsonSyntaxError) {
      io.err(`ruang-juri score: ${file}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
