/** Every call across a process or network boundary returns a Result instead of throwing. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'illegal_transition'
  | 'unauthorized'
  | 'forbidden'
  | 'unknown_operation'
  | 'unavailable'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Field-level problems, e.g. `{ path: 'lines.0.quantity', message: 'must be ≥ 1' }`. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, issues?: AppError['issues']): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Thrown inside the core; the dispatcher turns it into an error Result with the same code. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: AppError['issues'],
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
