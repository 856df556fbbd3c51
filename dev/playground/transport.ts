// The wire format between the sidebar's google.script.run shim and the playground's /rpc route.
// JSON alone would quietly turn a Date into a string and drop a function, so the shim tags what
// google.script.run can't carry and the server rebuilds it: the runtime's serverCall then rejects
// it with google.script.run's own message, as Apps Script would.

/** The key of a tagged value; a plain object carrying this key is taken for a tag. */
export const TRANSPORT_TAG = "__googleScriptRunValue";

export interface RpcRequest {
  readonly name: string;
  /** Encoded with `encodeForTransport`. */
  readonly args: readonly unknown[];
}

export type RpcAnswer =
  | { readonly ok: true; readonly value?: unknown }
  | { readonly ok: false; readonly error: { readonly name: string; readonly message: string } };

type Tagged =
  | { readonly [TRANSPORT_TAG]: "Date"; readonly time: number }
  | { readonly [TRANSPORT_TAG]: "function"; readonly name: string }
  | { readonly [TRANSPORT_TAG]: "object"; readonly kind: string };

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** A JSON-safe copy of a value, with Dates, functions and other objects tagged. */
export function encodeForTransport(value: unknown, seen: Set<object> = new Set()): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  if (typeof value === "function") {
    return { [TRANSPORT_TAG]: "function", name: value.name } satisfies Tagged;
  }
  if (typeof value !== "object") {
    return { [TRANSPORT_TAG]: "object", kind: typeof value } satisfies Tagged;
  }
  if (value instanceof Date) {
    return { [TRANSPORT_TAG]: "Date", time: value.getTime() } satisfies Tagged;
  }
  if (seen.has(value)) throw new TypeError("Converting circular structure to JSON");
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => encodeForTransport(item, seen));
    if (!isPlainObject(value)) {
      const kind = Object.prototype.toString.call(value).slice(8, -1);
      return { [TRANSPORT_TAG]: "object", kind } satisfies Tagged;
    }
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) copy[key] = encodeForTransport(item, seen);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}

/** Rebuilds what `encodeForTransport` tagged: a real Date, a function, a non-plain object. */
export function decodeFromTransport(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decodeFromTransport);
  const record = value as Record<string, unknown>;
  switch (record[TRANSPORT_TAG]) {
    case "Date":
      return new Date(Number(record.time));
    case "function": {
      const standIn = () => undefined;
      Object.defineProperty(standIn, "name", { value: String(record.name ?? "") });
      return standIn;
    }
    case "object":
      return nonPlainObject(String(record.kind ?? "Object"));
    default: {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(record)) copy[key] = decodeFromTransport(item);
      return copy;
    }
  }
}

/** An instance of a class (not a plain object) whose toString tag is `kind`, e.g. "Map". */
function nonPlainObject(kind: string): object {
  const prototype = Object.create(Object.prototype, {
    [Symbol.toStringTag]: { value: kind },
  }) as object;
  return Object.create(prototype) as object;
}
