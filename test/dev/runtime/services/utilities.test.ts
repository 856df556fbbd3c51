// Utilities: sleeping on the virtual clock, Java date patterns in several zones, sprintf, digests
// and base64 against known vectors, blobs and gzip.

import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../dev/runtime/clock.js";
import { Blob, createUtilities, MAX_SLEEP_MS } from "../../../../dev/runtime/services/utilities.js";
import { makeExec, START, thrown } from "./helpers.js";

function setup(options: Parameters<typeof makeExec>[0] = {}) {
  const clock = options.clock ?? new VirtualClock(START);
  const exec = makeExec({ ...options, clock });
  return { clock, exec, utilities: createUtilities(exec) };
}

function hex(bytes: readonly number[]): string {
  return bytes.map((byte) => (byte & 0xff).toString(16).padStart(2, "0")).join("");
}

describe("Utilities.sleep", () => {
  it("moves the virtual clock", () => {
    const { utilities, clock } = setup();
    utilities.sleep(1500);
    expect(clock.now() - START).toBe(1500);
    utilities.sleep(MAX_SLEEP_MS);
    expect(clock.now() - START).toBe(1500 + MAX_SLEEP_MS);
  });

  it("refuses more than its documented maximum", () => {
    const { utilities, clock } = setup();
    expect(thrown(() => utilities.sleep(MAX_SLEEP_MS + 1))).toEqual({
      name: "Exception",
      message: "Invalid argument: milliseconds",
    });
    expect(clock.now()).toBe(START);
  });

  it("past the deadline ends the execution", () => {
    const { utilities, exec } = setup({ kind: "customFunction" });
    expect(thrown(() => utilities.sleep(31_000)).message).toBe("Exceeded maximum execution time");
    expect(exec.killed).toBe(true);
  });

  it("works in AuthMode.NONE", () => {
    const { utilities, clock } = setup({ authMode: "NONE", kind: "simpleTrigger" });
    utilities.sleep(10);
    expect(clock.now() - START).toBe(10);
  });
});

describe("Utilities.formatDate", () => {
  // START is 2026-03-08 09:05:03.007 UTC, a Sunday; US daylight saving time begins at 10:00 UTC.
  const at = new Date(START);

  it("formats in UTC with zero padding and milliseconds", () => {
    const { utilities } = setup();
    expect(utilities.formatDate(at, "UTC", "yyyy-MM-dd HH:mm:ss.SSS")).toBe(
      "2026-03-08 09:05:03.007",
    );
    expect(utilities.formatDate(at, "Etc/UTC", "yy/M/d H:m:s S")).toBe("26/3/8 9:5:3 7");
    expect(utilities.formatDate(at, "GMT", "D F u w W")).toBe("67 2 7 11 2");
  });

  it("follows daylight saving time in America/Los_Angeles", () => {
    const { utilities } = setup();
    expect(utilities.formatDate(at, "America/Los_Angeles", "yyyy-MM-dd'T'HH:mm:ssXXX z")).toBe(
      "2026-03-08T01:05:03-08:00 PST",
    );
    const later = new Date(START + 3_600_000);
    expect(utilities.formatDate(later, "America/Los_Angeles", "yyyy-MM-dd'T'HH:mm:ssXXX z")).toBe(
      "2026-03-08T03:05:03-07:00 PDT",
    );
  });

  it("writes names, 12-hour clocks and offsets in Asia", () => {
    const { utilities } = setup();
    expect(utilities.formatDate(at, "Asia/Shanghai", "EEE, MMM d, yyyy h:mm a Z")).toBe(
      "Sun, Mar 8, 2026 5:05 PM +0800",
    );
    expect(utilities.formatDate(at, "Asia/Kolkata", "EEEE dd MMMM yy hh 'o''clock' a X XX")).toBe(
      "Sunday 08 March 26 02 o'clock PM +05 +0530",
    );
    expect(utilities.formatDate(at, "Asia/Tokyo", "yyyyMMdd'T'HHmmss zzzz")).toBe(
      "20260308T180503 Japan Standard Time",
    );
  });

  it("reads Java's GMT offsets, and falls back to GMT for an unknown zone", () => {
    const { utilities } = setup();
    expect(utilities.formatDate(at, "GMT+8", "HH:mm z")).toBe("17:05 GMT+08:00");
    expect(utilities.formatDate(at, "GMT-03:30", "HH:mm Z")).toBe("05:35 -0330");
    expect(utilities.formatDate(at, "Mars/Olympus_Mons", "HH:mm XXX")).toBe("09:05 Z");
  });

  it("takes dates of another realm and refuses what is not a date", () => {
    const { utilities } = setup();
    const foreign = new (class extends Date {})(START);
    expect(utilities.formatDate(foreign, "UTC", "yyyy")).toBe("2026");
    expect(thrown(() => utilities.formatDate("2026-01-01", "UTC", "yyyy")).message).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(thrown(() => utilities.formatDate(at, "UTC", "yyyy-bb")).message).toBe(
      "Illegal pattern character 'b'",
    );
  });
});

describe("Utilities.parseDate", () => {
  it("parses in a time zone and answers a Date", () => {
    const { utilities } = setup();
    const parsed = utilities.parseDate(
      "2026-03-08 01:05:03",
      "America/Los_Angeles",
      "yyyy-MM-dd HH:mm:ss",
    );
    expect(parsed).toBeInstanceOf(Date);
    expect(parsed.getTime()).toBe(START - 7);
    expect(utilities.parseDate("20260308", "UTC", "yyyyMMdd").getTime()).toBe(Date.UTC(2026, 2, 8));
    expect(
      utilities.parseDate("Mar 8, 2026 5:05 PM", "Asia/Shanghai", "MMM d, yyyy h:mm a").getTime(),
    ).toBe(Date.UTC(2026, 2, 8, 9, 5));
    expect(
      utilities.parseDate("2026-03-08T17:05:03+08:00", "UTC", "yyyy-MM-dd'T'HH:mm:ssXXX").getTime(),
    ).toBe(START - 7);
  });

  it("is lenient as Java is, and refuses text that does not fit", () => {
    const { utilities } = setup();
    expect(utilities.parseDate("2026-02-30", "UTC", "yyyy-MM-dd").getTime()).toBe(
      Date.UTC(2026, 2, 2),
    );
    expect(thrown(() => utilities.parseDate("March", "UTC", "yyyy-MM-dd")).message).toBe(
      'Unparseable date: "March"',
    );
  });
});

describe("Utilities.formatString", () => {
  it("formats as sprintf does", () => {
    const { utilities } = setup();
    expect(utilities.formatString("%s has %d items at %.2f", "Ann", 3, 9.5)).toBe(
      "Ann has 3 items at 9.50",
    );
    expect(
      utilities.formatString(
        "[%05d] [%-5s] [%5s] [%x] [%X] [%o] [%%]",
        42,
        "ab",
        "cd",
        255,
        255,
        8,
      ),
    ).toBe("[00042] [ab   ] [   cd] [ff] [FF] [10] [%]");
    expect(utilities.formatString("%+d %e", 5, 12345.678)).toBe("+5 1.234568e+04");
  });
});

describe("digests", () => {
  it("match the known vectors, as signed bytes", () => {
    const { utilities } = setup();
    const { DigestAlgorithm } = utilities;
    const md5 = utilities.computeDigest(DigestAlgorithm.MD5, "");
    expect(hex(md5)).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(md5[0]).toBe(-44);
    expect(hex(utilities.computeDigest(DigestAlgorithm.SHA_1, "abc"))).toBe(
      "a9993e364706816aba3e25717850c26c9cd0d89d",
    );
    expect(hex(utilities.computeDigest(DigestAlgorithm.SHA_256, "abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(hex(utilities.computeDigest(DigestAlgorithm.SHA_256, [0x61, 0x62, 0x63]))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("HMAC-SHA256 matches RFC 4231", () => {
    const { utilities } = setup();
    const signature = utilities.computeHmacSha256Signature("what do ya want for nothing?", "Jefe");
    expect(hex(signature)).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    expect(signature.every((byte) => byte >= -128 && byte <= 127)).toBe(true);
    expect(
      hex(
        utilities.computeHmacSignature(
          utilities.MacAlgorithm.HMAC_SHA_256,
          "what do ya want for nothing?",
          "Jefe",
        ),
      ),
    ).toBe(hex(signature));
  });
});

describe("base64", () => {
  it("encodes strings as UTF-8 and byte arrays as they are", () => {
    const { utilities } = setup();
    expect(utilities.base64Encode("Hello, 世界")).toBe("SGVsbG8sIOS4lueVjA==");
    expect(utilities.base64Encode([-5, -1])).toBe("+/8=");
    expect(utilities.base64EncodeWebSafe([-5, -1])).toBe("-_8=");
    expect(utilities.base64Encode("é", utilities.Charset.US_ASCII)).toBe("Pw==");
  });

  it("decodes to signed bytes", () => {
    const { utilities } = setup();
    expect(utilities.base64Decode("+/8=")).toEqual([-5, -1]);
    expect(utilities.base64DecodeWebSafe("-_8=")).toEqual([-5, -1]);
    const bytes = utilities.base64Decode("SGVsbG8sIOS4lueVjA==");
    expect(utilities.newBlob(bytes).getDataAsString()).toBe("Hello, 世界");
    expect(thrown(() => utilities.base64Decode("***")).message).toBe("Could not decode string.");
  });
});

describe("blobs and gzip", () => {
  it("keeps bytes, content type and name", () => {
    const { utilities } = setup();
    const blob = utilities.newBlob("Grüße", "text/plain", "a.txt");
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.getContentType()).toBe("text/plain");
    expect(blob.getName()).toBe("a.txt");
    expect(blob.getBytes()).toHaveLength(7);
    expect(blob.getDataAsString()).toBe("Grüße");
    const copy = blob
      .copyBlob()
      .setName("b.txt")
      .setContentType("text/csv")
      .setDataFromString("x,y");
    expect([copy.getName(), copy.getContentType(), copy.getDataAsString()]).toEqual([
      "b.txt",
      "text/csv",
      "x,y",
    ]);
    expect(blob.getDataAsString()).toBe("Grüße");
  });

  it("gzip and ungzip round-trip a large JSON value", () => {
    const { utilities } = setup();
    const json = JSON.stringify(
      Array.from({ length: 2000 }, (_, index) => ({ id: index, name: `创作者 ${index}` })),
    );
    const zipped = utilities.gzip(utilities.newBlob(json, "application/json", "rows.json"));
    expect(zipped.getContentType()).toBe("application/x-gzip");
    expect(zipped.getName()).toBe("rows.json.gz");
    expect(zipped.getBytes().length).toBeLessThan(json.length / 4);
    const encoded = utilities.base64Encode(zipped.getBytes());
    const restored = utilities.ungzip(utilities.newBlob(utilities.base64Decode(encoded)));
    expect(restored.getDataAsString()).toBe(json);
    expect(thrown(() => utilities.ungzip(utilities.newBlob("plain"))).message).toBe(
      "Could not decompress gzip.",
    );
  });
});

describe("the rest", () => {
  it("answers UUIDs and the enums", () => {
    const { utilities } = setup();
    expect(utilities.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(utilities.getUuid()).not.toBe(utilities.getUuid());
    expect(utilities.DigestAlgorithm.SHA_256).toBe("SHA_256");
    expect(utilities.Charset.UTF_8).toBe("UTF_8");
  });

  it("counts its calls on the execution", () => {
    const { utilities, exec } = setup();
    utilities.getUuid();
    utilities.newBlob("x").getBytes();
    expect(exec.calls.get("Utilities.getUuid")).toBe(1);
    expect(exec.calls.get("Blob.getBytes")).toBe(1);
  });
});
