/** Building blocks of every schema; messages are i18n keys (errors.validation.*). */
import { z } from 'zod';
import { parseMilli, parsePercentToBasisPoints } from './decimal';

export const id = z.number().int().positive();
export const name = z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong');

/** Decimal text ("85", "85,5", 85.5) kept as text so it is parsed exactly, never via a float. */
export const markText = z
  .union([z.string(), z.number().finite()])
  .transform((value) => String(value).trim())
  .refine((value) => parseMilli(value) !== null, 'validation.decimal');
export const percentText = z
  .union([z.string(), z.number().finite()])
  .transform((value) => String(value).trim())
  .refine((value) => {
    const bp = parsePercentToBasisPoints(value);
    return bp !== null && bp > 0 && bp <= 10_000;
  }, 'validation.weight');

