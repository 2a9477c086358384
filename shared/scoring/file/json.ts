/**
 * JSON with exact numbers. Reading: every number token is turned into a string holding its own text
 * before JSON.parse sees it, so 0.1 stays "0.1" and 85.125 stays "85.125" (no float ever holds a
 * mark). Writing: exact rationals are written back as JSON number literals.
 */
import type { Rational } from '../rational';
import { exactText, REPEATING_MARK } from '../text';

const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

export class JsonSyntaxError extends Error {}

/** Parses JSON text; numbers come back as strings of their exact text. */
export function parseExactJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(TOKENS, (token) => (token[0] === '"' ? token : `"${token}"`)));
  } catch {
    // Report the position in the original text, not in the rewritten one.
    try {
      JSON.parse(text);
    } catch (error) {
      throw new JsonSyntaxError(`the file is not valid JSON: ${(error as Error).message}`);
    }
    throw new JsonSyntaxError('the file is not valid JSON');
  }
}

const isRational = (value: unknown): value is Rational =>
  typeof value === 'object' && value !== null && typeof (value as Rational).num === 'bigint' && typeof (value as Rational).den === 'bigint';

const MARK = '\u0001num:';

/** Serialises a value whose rationals become exact JSON numbers; throws for a value with no finite decimal form. */
export function stringifyExact(value: unknown): string {
  const text = JSON.stringify(
    value,
    function (this: unknown, _key, v: unknown) {
      if (!isRational(v)) return v;
      const decimal = exactText(v);
      if (decimal.endsWith(REPEATING_MARK)) throw new RangeError(`${v.num}/${v.den} has no finite decimal form to write`);
      return MARK + decimal;
    },
    2,
  );
  return text.replace(/"\\u0001num:([^"]*)"/g, '$1');
}
