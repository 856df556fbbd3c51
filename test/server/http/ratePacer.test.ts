// The rate pacer: a sliding second of sends, a little margin, and halving when told off.

import { describe, expect, it } from "vitest";
import { RatePacer } from "../../../src/server/http/ratePacer.js";

describe("RatePacer", () => {
  it("allows the limit per sliding second and says when the next slot frees", () => {
    const pacer = new RatePacer(10);
    expect(pacer.capacity(0)).toBe(10);
    pacer.record(0, 4);
    pacer.record(300, 6);
    expect(pacer.capacity(600)).toBe(0);
    expect(pacer.waitTime(600)).toBe(450); // the sends at 0 leave the window at 1000 + 50
    expect(pacer.capacity(1050)).toBe(4);
    expect(pacer.capacity(1350)).toBe(10);
  });

  it("halves its pace when the API says too many, never below one a second", () => {
    const pacer = new RatePacer(10);
    pacer.slowDown();
    expect(pacer.limit).toBe(5);
    for (let i = 0; i < 10; i++) pacer.slowDown();
    expect(pacer.limit).toBe(1);
  });

  it("waits for as many sends to leave as the lowered limit requires", () => {
    const pacer = new RatePacer(10);
    pacer.record(0, 10);
    pacer.slowDown();
    expect(pacer.capacity(100)).toBe(0);
    expect(pacer.waitTime(100)).toBe(950);
  });
});
