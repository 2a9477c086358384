/**
 * Errors are values with stable codes. `key` names the translated message in the i18n catalogs
 * (errors.<key>), `params` fill it; clients translate in their own language and fall back to `message`.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ValidationIssue {
  path: string;
  message: string;
}

export interface ErrorDetails {
  key: string;
  params?: Record<string, string | number>;
  issues?: ValidationIssue[];
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly issues?: ValidationIssue[],
  ) {
    super(`${code}: ${key}`);
    this.name = 'AppError';
  }
}
