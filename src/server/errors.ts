// The add-on's errors: every failure carries a code that callers branch on, a message a person can
// act on (never holding a key), and the original cause.

export { AddonError, type ErrorCode, isAddonError } from "../shared/errors.js";

/** Google's words when a daily quota is used up: "Service invoked too many times for one day: urlfetch." */
const DAILY_QUOTA = /Service invoked too many times for one day: ?([\w.]*)/i;
/** Google's words when a property store is full. */
const PROPERTY_QUOTA = /exceeded the property storage quota/i;

/** The service whose daily quota a Google error says is used up ("urlfetch"), if it says so. */
export function dailyQuotaService(text: string): string | undefined {
  const match = DAILY_QUOTA.exec(text);
  return match ? (match[1] ?? "").replace(/\.$/, "") || "service" : undefined;
}

export function isPropertyStoreFull(error: unknown): boolean {
  return PROPERTY_QUOTA.test(describeError(error));
}

/** The message of anything thrown, for a person to read. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
