// Checks of the public functions' plain arguments (ids, names, option objects) before anything
// runs: a wrong type or size is a clear, coded error — never "Cannot convert object to primitive
// value" or Google's "Argument too large".

import { message } from "../shared/messages/index.js";
import { shown } from "../shared/query/issues.js";
import { AddonError } from "./errors.js";

/** Ids the add-on hands out (Utilities.getUuid) are 36 characters; leave room. */
const MAX_ID = 100;

/** An id argument: text of at most 100 characters, surrounding spaces ignored. */
export function idArgument(value: unknown, name: string, what: string): string {
  if (typeof value !== "string") {
    throw new AddonError(
      "INVALID_ARGUMENT",
      message("argument.text", { name, what, value: describeValue(value) }),
    );
  }
  const id = value.trim();
  if (id.length > MAX_ID) {
    throw new AddonError(
      "INVALID_ARGUMENT",
      message("argument.tooLong", { name, length: id.length, max: MAX_ID }),
    );
  }
  return id;
}

/** An options argument: a plain object (absent counts as empty when `optional`). */
export function objectArgument(
  value: unknown,
  name: string,
  optional = false,
): Readonly<Record<string, unknown>> {
  if (optional && (value === undefined || value === null)) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AddonError(
      "INVALID_ARGUMENT",
      message("argument.object", { name, value: describeValue(value) }),
    );
  }
  return value as Readonly<Record<string, unknown>>;
}

/** A value as a message may quote it, whatever it is. */
function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return message("value.list");
  if (typeof value === "object") return message("value.object");
  if (typeof value === "function") return message("value.function");
  return shown(value);
}
