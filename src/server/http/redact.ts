// Keeps every piece of a stored key out of text that leaves the server: any run of 6 or more
// characters of a key is replaced, so a key an API echoes in an error page never shows, not even
// cut short. Redact first, then cut: a cut key no longer matches the whole key, but its pieces do.

/** The shortest run of a key's characters that counts as a piece of it. */
export const SECRET_RUN = 6;
const MASK = "•••";

/**
 * Replaces every run of `run` or more characters of any secret in `text` (by default SECRET_RUN;
 * Infinity: whole secrets only). Text from outside — an API's answer — gets the default, before
 * any cut; the add-on's own sentences, which can hold a word a demo key happens to contain, are
 * checked for whole keys only.
 */
export function redactSecrets(text: string, secrets: readonly string[], run = SECRET_RUN): string {
  const pieces = new Set<string>();
  let width = Number.POSITIVE_INFINITY;
  for (const secret of secrets) {
    const size = Math.min(run, secret.length);
    if (size < SECRET_RUN) continue;
    width = Math.min(width, size);
  }
  if (!Number.isFinite(width)) return text;
  for (const secret of secrets) {
    if (secret.length < width) continue;
    for (let start = 0; start + width <= secret.length; start++) {
      pieces.add(secret.slice(start, start + width));
    }
  }
  if (text.length < width) return text;
  // Mark every character covered by a window that is a piece of a secret; marked runs go.
  const marked = new Uint8Array(text.length);
  let any = false;
  for (let start = 0; start + width <= text.length; start++) {
    if (pieces.has(text.slice(start, start + width))) {
      marked.fill(1, start, start + width);
      any = true;
    }
  }
  if (!any) return text;
  let out = "";
  for (let index = 0; index < text.length; index++) {
    if (!marked[index]) out += text[index];
    else if (index === 0 || !marked[index - 1]) out += MASK;
  }
  return out;
}

/** A copy of a plain value (what google.script.run carries) with every string redacted. */
export function redactDeep<T>(value: T, secrets: readonly string[], run = SECRET_RUN): T {
  if (secrets.length === 0) return value;
  const walk = (item: unknown): unknown => {
    if (typeof item === "string") return redactSecrets(item, secrets, run);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === "object" && !(item instanceof Date)) {
      return Object.fromEntries(Object.entries(item).map(([name, inner]) => [name, walk(inner)]));
    }
    return item;
  };
  return walk(value) as T;
}
