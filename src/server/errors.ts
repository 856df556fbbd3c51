// The add-on's errors: every failure carries a code that callers branch on, a message a person can
// act on (never holding a key), and the original cause.

export type ErrorCode =
  /** An argument or filter the user gave is wrong; no request was made. */
  | "INVALID_ARGUMENT"
  /** Anything else that should not happen. */
  | "INTERNAL";

export class AddonError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AddonError";
    this.code = code;
  }
}

export function isAddonError(error: unknown): error is AddonError {
  return error instanceof AddonError;
}

/** The message of anything thrown, for a person to read. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
