// The emulated Utilities service and its Blob: sleeping on the virtual clock, Java-style date
// formats, sprintf, digests and HMACs, base64, gzip and UUIDs, with bytes signed as Java's are.

import { createHash, createHmac, randomUUID } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Execution } from "../execution.js";
import { formatDate, PatternError, parseDate } from "./date-format.js";
import {
  bytesFromScript,
  dateMillis,
  isDate,
  requireArgs,
  signatureError,
  signedBytes,
} from "./shared.js";

/** Documented: Utilities.sleep accepts at most 300,000 ms. */
export const MAX_SLEEP_MS = 300_000;

export const UTILITIES_ERRORS = {
  sleepRange: "Invalid argument: milliseconds",
  unparseableBase64: "Could not decode string.",
  notGzip: "Could not decompress gzip.",
} as const;

export const DigestAlgorithm = Object.freeze({
  MD2: "MD2",
  MD5: "MD5",
  SHA_1: "SHA_1",
  SHA_256: "SHA_256",
  SHA_384: "SHA_384",
  SHA_512: "SHA_512",
});

export const MacAlgorithm = Object.freeze({
  HMAC_MD5: "HMAC_MD5",
  HMAC_SHA_1: "HMAC_SHA_1",
  HMAC_SHA_256: "HMAC_SHA_256",
  HMAC_SHA_384: "HMAC_SHA_384",
  HMAC_SHA_512: "HMAC_SHA_512",
});

export const Charset = Object.freeze({ US_ASCII: "US_ASCII", UTF_8: "UTF_8" });

const NODE_HASHES: Readonly<Record<string, string>> = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};

export type Encoding = "utf8" | "ascii" | "latin1" | "utf16le" | "utf16be" | "utf16";

/** Java charset names (and the Charset enum's) to encodings; UTF-8 when none is given. */
export function encodingOf(exec: Execution, charset: unknown): Encoding {
  if (charset === undefined || charset === null) return "utf8";
  const name = String(charset).toUpperCase().replace(/_/g, "-");
  const encodings: Record<string, Encoding> = {
    "UTF-8": "utf8",
    UTF8: "utf8",
    "US-ASCII": "ascii",
    ASCII: "ascii",
    "ISO-8859-1": "latin1",
    "LATIN-1": "latin1",
    "UTF-16LE": "utf16le",
    "UTF-16BE": "utf16be",
    "UTF-16": "utf16",
  };
  const encoding = encodings[name];
  if (!encoding) exec.fail("Invalid argument: charset");
  return encoding;
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    swapped[index] = bytes[index + 1]!;
    swapped[index + 1] = bytes[index]!;
  }
  return swapped;
}

/** Encodes as Java does: characters a charset can't hold become "?". */
export function encodeText(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "ascii":
      return Buffer.from(text.replace(/[\u{80}-\u{10ffff}]/gu, "?"), "latin1");
    case "latin1":
      return Buffer.from(text.replace(/[\u{100}-\u{10ffff}]/gu, "?"), "latin1");
    case "utf16le":
      return Buffer.from(text, "utf16le");
    case "utf16be":
      return swapPairs(Buffer.from(text, "utf16le"));
    case "utf16": {
      // Java's "UTF-16" writes big-endian with a byte-order mark.
      const body = swapPairs(Buffer.from(text, "utf16le"));
      const out = new Uint8Array(body.length + 2);
      out.set([0xfe, 0xff]);
      out.set(body, 2);
      return out;
    }
  }
}

export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case "utf8":
      return buffer.toString("utf8");
    case "ascii":
      return buffer.toString("latin1").replace(/[\u0080-\u00ff]/g, "\ufffd");
    case "latin1":
      return buffer.toString("latin1");
    case "utf16le":
      return buffer.toString("utf16le");
    case "utf16be":
      return Buffer.from(swapPairs(bytes)).toString("utf16le");
    case "utf16":
      if (bytes[0] === 0xff && bytes[1] === 0xfe) return buffer.subarray(2).toString("utf16le");
      return Buffer.from(
        swapPairs(bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes),
      ).toString("utf16le");
  }
}

/** The bytes of a string (in `charset`) or of a byte array; null for anything else. */
function bytesOf(exec: Execution, value: unknown, charset?: unknown): Uint8Array | null {
  if (typeof value === "string") return encodeText(value, encodingOf(exec, charset));
  return bytesFromScript(value);
}

/** Apps Script's Blob: bytes with a content type and a name. */
export class Blob {
  #exec: Execution;
  #bytes: Uint8Array;
  #contentType: string | null;
  #name: string | null;

  constructor(exec: Execution, bytes: Uint8Array, contentType: string | null, name: string | null) {
    this.#exec = exec;
    this.#bytes = bytes;
    this.#contentType = contentType;
    this.#name = name;
  }

  /** The raw bytes, for the host (not a script method). */
  get bytes(): Uint8Array {
    return this.#bytes;
  }

  #guard(method: string): void {
    this.#exec.guard(`Blob.${method}`, "utilities");
  }

  getBytes(): number[] {
    this.#guard("getBytes");
    return signedBytes(this.#exec, this.#bytes);
  }

  setBytes(data: unknown): this {
    this.#guard("setBytes");
    const bytes = bytesFromScript(data);
    if (!bytes) throw signatureError(this.#exec, "Blob.setBytes", [data]);
    this.#bytes = bytes.slice();
    return this;
  }

  getDataAsString(charset?: unknown): string {
    this.#guard("getDataAsString");
    return decodeText(this.#bytes, encodingOf(this.#exec, charset));
  }

  setDataFromString(text: unknown, charset?: unknown): this {
    this.#guard("setDataFromString");
    requireArgs(this.#exec, "Blob.setDataFromString", [text], 1);
    this.#bytes = encodeText(String(text), encodingOf(this.#exec, charset));
    return this;
  }

  getContentType(): string | null {
    this.#guard("getContentType");
    return this.#contentType;
  }

  setContentType(contentType: unknown): this {
    this.#guard("setContentType");
    this.#contentType =
      contentType === null || contentType === undefined ? null : String(contentType);
    return this;
  }

  getName(): string | null {
    this.#guard("getName");
    return this.#name;
  }

  setName(name: unknown): this {
    this.#guard("setName");
    this.#name = name === null || name === undefined ? null : String(name);
    return this;
  }

  copyBlob(): Blob {
    this.#guard("copyBlob");
    return new Blob(this.#exec, this.#bytes.slice(), this.#contentType, this.#name);
  }

  getBlob(): this {
    this.#guard("getBlob");
    return this;
  }

  isGoogleType(): boolean {
    this.#guard("isGoogleType");
    return false;
  }

  toString(): string {
    return "Blob";
  }
}

function base64Bytes(exec: Execution, encoded: unknown, webSafe: boolean): Uint8Array {
  const text = String(encoded).replace(/\s+/g, "");
  const alphabet = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!alphabet.test(text)) exec.fail(UTILITIES_ERRORS.unparseableBase64);
  return new Uint8Array(Buffer.from(text, webSafe ? "base64url" : "base64"));
}

/** sprintf as Utilities.formatString does it: %s %d %i %f %e %x %X %o %c %%, flags, widths. */
export function formatString(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(
    /%(?:(\d+)\$)?([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeExXoc%])/g,
    (
      _match,
      position: string | undefined,
      flags: string,
      width?: string,
      precision?: string,
      conversion?: string,
    ) => {
      if (conversion === "%") return "%";
      const value = position ? args[Number(position) - 1] : args[next++];
      const digits = precision === undefined ? undefined : Number(precision);
      let text: string;
      let numeric = true;
      switch (conversion) {
        case "d":
        case "i":
          text = String(Math.trunc(Number(value)));
          break;
        case "f":
          text = Number(value).toFixed(digits ?? 6);
          break;
        case "e":
        case "E":
          text = Number(value)
            .toExponential(digits ?? 6)
            .replace(/e([+-])(\d)$/, "e$10$2");
          if (conversion === "E") text = text.toUpperCase();
          break;
        case "x":
        case "X":
          text = (Math.trunc(Number(value)) >>> 0).toString(16);
          if (conversion === "X") text = text.toUpperCase();
          break;
        case "o":
          text = (Math.trunc(Number(value)) >>> 0).toString(8);
          break;
        case "c":
          numeric = false;
          text = typeof value === "number" ? String.fromCharCode(value) : String(value).charAt(0);
          break;
        default:
          numeric = false;
          text = String(value);
          if (digits !== undefined) text = text.slice(0, digits);
      }
      if (numeric && !text.startsWith("-")) {
        if (flags.includes("+")) text = `+${text}`;
        else if (flags.includes(" ")) text = ` ${text}`;
      }
      const size = width === undefined ? 0 : Number(width);
      if (text.length >= size) return text;
      if (flags.includes("-")) return text.padEnd(size);
      // Zeros go between the sign and the digits; NaN and Infinity are only space-padded.
      if (numeric && flags.includes("0") && Number.isFinite(Number(value))) {
        const sign = /^[+ -]/.test(text) ? text[0]! : "";
        return sign + text.slice(sign.length).padStart(size - sign.length, "0");
      }
      return text.padStart(size);
    },
  );
}

/** The Utilities global of one execution. */
export function createUtilities(exec: Execution) {
  const guard = (method: string): void => exec.guard(`Utilities.${method}`, "utilities");
  const blobOf = (method: string, blob: unknown): Blob => {
    if (!(blob instanceof Blob)) throw signatureError(exec, `Utilities.${method}`, [blob]);
    return blob;
  };
  const digest = (
    method: string,
    algorithm: unknown,
    value: unknown,
    charset: unknown,
  ): number[] => {
    const hash = NODE_HASHES[String(algorithm)];
    if (!hash) exec.fail("Invalid argument: algorithm");
    const bytes = bytesOf(exec, value, charset);
    if (!bytes) throw signatureError(exec, `Utilities.${method}`, [algorithm, value]);
    return signedBytes(exec, createHash(hash).update(bytes).digest());
  };
  const hmac = (
    method: string,
    algorithm: string,
    value: unknown,
    key: unknown,
    charset: unknown,
  ): number[] => {
    const hash = NODE_HASHES[algorithm.replace(/^HMAC_/, "")];
    if (!hash || !algorithm.startsWith("HMAC_")) exec.fail("Invalid argument: algorithm");
    const valueBytes = bytesOf(exec, value, charset);
    const keyBytes = bytesOf(exec, key, charset);
    if (!valueBytes || !keyBytes) throw signatureError(exec, `Utilities.${method}`, [value, key]);
    return signedBytes(exec, createHmac(hash, keyBytes).update(valueBytes).digest());
  };
  const encode64 = (method: string, data: unknown, charset: unknown, webSafe: boolean): string => {
    guard(method);
    const bytes = bytesOf(exec, data, charset);
    if (!bytes) throw signatureError(exec, `Utilities.${method}`, [data]);
    const text = Buffer.from(bytes).toString("base64");
    // Java's URL-safe encoder keeps the "=" padding, unlike Node's base64url.
    return webSafe ? text.replace(/\+/g, "-").replace(/\//g, "_") : text;
  };

  return {
    DigestAlgorithm,
    MacAlgorithm,
    Charset,

    sleep(milliseconds: unknown): void {
      guard("sleep");
      const ms = Number(milliseconds);
      if (!Number.isFinite(ms)) throw signatureError(exec, "Utilities.sleep", [milliseconds]);
      if (ms < 0 || ms > MAX_SLEEP_MS) exec.fail(UTILITIES_ERRORS.sleepRange);
      exec.spend(Math.trunc(ms));
    },

    formatDate(date: unknown, timeZone: unknown, format: unknown): string {
      guard("formatDate");
      if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
        throw signatureError(exec, "Utilities.formatDate", [date, timeZone, format]);
      }
      try {
        return formatDate(dateMillis(date), timeZone, format);
      } catch (error) {
        if (error instanceof PatternError) exec.fail(error.message);
        throw error;
      }
    },

    parseDate(date: unknown, timeZone: unknown, format: unknown): Date {
      guard("parseDate");
      if (typeof date !== "string" || typeof timeZone !== "string" || typeof format !== "string") {
        throw signatureError(exec, "Utilities.parseDate", [date, timeZone, format]);
      }
      let millis: number | null;
      try {
        millis = parseDate(date, timeZone, format, exec.clock.now());
      } catch (error) {
        if (error instanceof PatternError) exec.fail(error.message);
        throw error;
      }
      if (millis === null || Number.isNaN(millis)) exec.fail(`Unparseable date: "${date}"`);
      return new exec.realm.Date(millis);
    },

    formatString(template: unknown, ...args: unknown[]): string {
      guard("formatString");
      requireArgs(exec, "Utilities.formatString", [template], 1);
      return formatString(String(template), args);
    },

    computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
      guard("computeDigest");
      return digest("computeDigest", algorithm, value, charset);
    },

    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
      guard("computeHmacSha256Signature");
      return hmac("computeHmacSha256Signature", "HMAC_SHA_256", value, key, charset);
    },

    computeHmacSignature(
      algorithm: unknown,
      value: unknown,
      key: unknown,
      charset?: unknown,
    ): number[] {
      guard("computeHmacSignature");
      return hmac("computeHmacSignature", String(algorithm), value, key, charset);
    },

    base64Encode(data: unknown, charset?: unknown): string {
      return encode64("base64Encode", data, charset, false);
    },

    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      return encode64("base64EncodeWebSafe", data, charset, true);
    },

    base64Decode(encoded: unknown, charset?: unknown): number[] {
      guard("base64Decode");
      requireArgs(exec, "Utilities.base64Decode", [encoded], 1);
      if (charset !== undefined) encodingOf(exec, charset);
      return signedBytes(exec, base64Bytes(exec, encoded, false));
    },

    base64DecodeWebSafe(encoded: unknown, charset?: unknown): number[] {
      guard("base64DecodeWebSafe");
      requireArgs(exec, "Utilities.base64DecodeWebSafe", [encoded], 1);
      if (charset !== undefined) encodingOf(exec, charset);
      return signedBytes(exec, base64Bytes(exec, encoded, true));
    },

    newBlob(data: unknown, contentType?: unknown, name?: unknown): Blob {
      guard("newBlob");
      const bytes = bytesOf(exec, data);
      if (!bytes) throw signatureError(exec, "Utilities.newBlob", [data]);
      return new Blob(
        exec,
        bytes.slice(),
        contentType === undefined || contentType === null ? null : String(contentType),
        name === undefined || name === null ? null : String(name),
      );
    },

    gzip(blob: unknown, name?: unknown): Blob {
      guard("gzip");
      const source = blobOf("gzip", blob);
      const sourceName = source.getName();
      const gzName = name !== undefined ? String(name) : sourceName ? `${sourceName}.gz` : null;
      return new Blob(exec, new Uint8Array(gzipSync(source.bytes)), "application/x-gzip", gzName);
    },

    ungzip(blob: unknown): Blob {
      guard("ungzip");
      const source = blobOf("ungzip", blob);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(gunzipSync(source.bytes));
      } catch {
        exec.fail(UTILITIES_ERRORS.notGzip);
      }
      const sourceName = source.getName();
      return new Blob(exec, bytes, null, sourceName ? sourceName.replace(/\.gz$/, "") : null);
    },

    getUuid(): string {
      guard("getUuid");
      return randomUUID();
    },

    toString: () => "Utilities",
  };
}
