// The keys stored in this document, as the list of secrets that redaction keeps out of every
// text leaving the server.

import { SOURCE_LIST } from "../../shared/sources.js";
import { AddonError, isAddonError } from "../errors.js";
import { redactDeep, redactSecrets, SECRET_RUN } from "../http/redact.js";
import type { PropertyStore } from "../platform/types.js";
import { keyFor } from "./settings.js";

/** The keys stored in this document: what must never show. */
export function storedSecrets(store: PropertyStore): string[] {
  return SOURCE_LIST.map((source) => keyFor(store, source.name)).filter(
    (key) => key.length >= SECRET_RUN,
  );
}

/**
 * Runs a public function: neither its answer nor the error it throws carries a stored key. Pieces
 * of a key an API echoed were already redacted where the API's words came in (sources/); this
 * last check at the door catches a whole key from anywhere. The keys are read only when needed.
 */
export function withoutSecrets<T>(
  properties: () => PropertyStore,
  body: () => T,
  options: { readonly answer?: boolean } = {},
): T {
  let answer: T;
  try {
    answer = body();
  } catch (error) {
    throw redactedError(error, () => storedSecrets(properties()));
  }
  return options.answer === false
    ? answer
    : redactDeep(answer, storedSecrets(properties()), Number.POSITIVE_INFINITY);
}

function redactedError(error: unknown, secrets: () => string[]): Error {
  let list: string[];
  try {
    list = secrets();
  } catch {
    list = [];
  }
  const text = redactSecrets(
    error instanceof Error ? error.message : String(error),
    list,
    Number.POSITIVE_INFINITY,
  );
  if (isAddonError(error)) return new AddonError(error.code, text, { cause: error.cause });
  if (error instanceof Error && text === error.message) return error;
  return new AddonError("INTERNAL", text);
}
