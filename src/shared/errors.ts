// The add-on's coded error, shared by server and sidebar: every failure carries a code callers
// branch on, a message a person can act on (never holding a key), and the original cause.

export type ErrorCode =
  /** An argument or filter the user gave is wrong; no request was made. */
  | "INVALID_ARGUMENT"
  /** No key or token is set for the source. */
  | "MISSING_KEY"
  /** The API refused the key (KeyAPI 401, FastMoss bad token). */
  | "BAD_KEY"
  /** The key is valid but not allowed here (KeyAPI 403, FastMoss 30001). */
  | "FORBIDDEN"
  /** KeyAPI 402: out of credits. */
  | "NO_CREDITS"
  /** FastMoss 30002: the data allowance is used up. */
  | "DATA_LIMIT"
  /** The API refused a parameter (KeyAPI 400, FastMoss 10001). */
  | "API_REJECTED"
  /** FastMoss 20001. */
  | "NOT_FOUND"
  /** Still rate-limited after waiting within the time there was. */
  | "RATE_LIMITED"
  /** The API kept failing (500, 40001) after retries. */
  | "SERVICE_ERROR"
  /** The API's answer could not be read (malformed JSON, an HTML error page). */
  | "BAD_ANSWER"
  /** The request did not reach the API or its answer did not come back. */
  | "NETWORK"
  /** The work could not finish before the execution's deadline. */
  | "TIMEOUT"
  /** The user has as many triggers as Apps Script allows (20, over all their spreadsheets). */
  | "TRIGGER_LIMIT"
  /** The document's daily credit cap (Settings) leaves too little for the request. */
  | "CREDIT_CAP"
  /** A daily quota of Google's (UrlFetch calls, property reads) is used up for the account. */
  | "QUOTA"
  /** The document's property store (500 KB) has no room for the add-on's records. */
  | "STORAGE_FULL"
  /** The sidebar could not reach the server (google.script.run missing or without the call). */
  | "UNAVAILABLE"
  /** A server call failed; the sidebar has only the server's message. */
  | "SERVER_CALL"
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
