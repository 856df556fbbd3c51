// The credit ledger as plain data, and its store part with the daily cap: counting per day and
// source, 35 days kept and under 4 KB after 60 days, saved queries' last runs, whole answers set
// aside under the cap, waves cut at the cap, holds released and lapsing.

import { describe, expect, it } from "vitest";
import { CreditMeter, LEDGER_KEY } from "../../../src/server/platform/creditMeter.js";
import {
  addRequests,
  emptyLedger,
  noteQueryRun,
  parseLedger,
  queryRunRequests,
  shiftDay,
  summarize,
} from "../../../src/shared/usage/ledger.js";
import { FakeClock, memoryProperties } from "../http/fakes.js";

const DAY = 86_400_000;
/** Runs in these tests last past the test. */
const LATER = Date.UTC(2030, 0, 1);

function meterWorld(cap?: number, timeZone = "Etc/UTC") {
  const clock = new FakeClock(Date.UTC(2026, 11, 6, 12));
  const properties = memoryProperties();
  let dailyCap = cap;
  const meter = () => new CreditMeter({ properties, clock, timeZone, dailyCap: () => dailyCap });
  return {
    clock,
    properties,
    meter,
    setCap: (next: number | undefined) => {
      dailyCap = next;
    },
    ledger: () => parseLedger(properties.get(LEDGER_KEY)),
  };
}

describe("the ledger", () => {
  it("counts requests per day and source, and summarizes the last 30 days oldest first", () => {
    const ledger = emptyLedger();
    addRequests(ledger, "2026-12-06", "keyapi", 7);
    addRequests(ledger, "2026-12-06", "fastmoss", 2);
    addRequests(ledger, "2026-12-05", "keyapi", 3);
    addRequests(ledger, "2026-11-01", "keyapi", 100);
    const summary = summarize(ledger, "2026-12-06");
    expect(summary.today).toEqual({ keyapi: 7, fastmoss: 2 });
    expect(summary.last30Days).toEqual({ keyapi: 10, fastmoss: 2 });
    expect(summary.byDay).toHaveLength(30);
    expect(summary.byDay[0]).toEqual({ day: "2026-11-07", keyapi: 0, fastmoss: 0 });
    expect(summary.byDay[28]).toEqual({ day: "2026-12-05", keyapi: 3, fastmoss: 0 });
    expect(summary.byDay[29]).toEqual({ day: "2026-12-06", keyapi: 7, fastmoss: 2 });
  });

  it("keeps 35 days and stays under 4 KB after 60 days of heavy use and 100 saved queries", () => {
    const ledger = emptyLedger();
    for (let day = 0; day < 60; day++) {
      const date = shiftDay("2026-10-01", day);
      addRequests(ledger, date, "keyapi", 99_999);
      addRequests(ledger, date, "fastmoss", 99_999);
    }
    for (let query = 0; query < 150; query++) {
      noteQueryRun(ledger, crypto.randomUUID(), 100_000);
    }
    expect(Object.keys(ledger.d)).toHaveLength(35);
    expect(Object.keys(ledger.q)).toHaveLength(100);
    expect(JSON.stringify(ledger).length).toBeLessThan(4096);
  });

  it("remembers a saved query's last run by its id", () => {
    const ledger = emptyLedger();
    const id = "3f2b8c1e-1111-4222-8333-444455556666";
    noteQueryRun(ledger, id, 40);
    noteQueryRun(ledger, id, 12);
    expect(queryRunRequests(ledger, id)).toBe(12);
    expect(queryRunRequests(ledger, "9f2b8c1e-0000-4222-8333-444455556666")).toBeUndefined();
  });

  it("reads a damaged ledger as empty", () => {
    expect(parseLedger("{not json")).toEqual(emptyLedger());
    expect(parseLedger('{"d":{"2026-12-06":["x",-3]},"q":[1]}')).toEqual({
      d: { "2026-12-06": [0, 0] },
      q: {},
      h: {},
    });
  });
});

describe("the credit meter", () => {
  it("counts each wave on the day of the spreadsheet's time zone", () => {
    const world = meterWorld(undefined, "Asia/Shanghai");
    // 12:00 UTC is 20:00 in Shanghai; four hours later it is the next day there.
    world.meter().admit({ source: "keyapi", token: "a", count: 10, until: LATER });
    world.clock.sleep(4 * 3_600_000);
    world.meter().admit({ source: "fastmoss", token: "a", count: 3, until: LATER });
    expect(world.ledger().d).toEqual({ "2026-12-06": [10, 0], "2026-12-07": [0, 3] });
  });

  it("cuts a wave at the cap and refuses the next, naming the cap", () => {
    const world = meterWorld(25);
    const meter = world.meter();
    const admit = () => meter.admit({ source: "keyapi", token: "pull", count: 10, until: LATER });
    expect(admit().allowed).toBe(10);
    expect(admit().allowed).toBe(10);
    expect(admit().allowed).toBe(5);
    const refused = admit();
    expect(refused.allowed).toBe(0);
    expect(refused.refusal?.code).toBe("CREDIT_CAP");
    expect(refused.refusal?.message).toMatch(/today's credit cap of 25 .*Settings/);
    expect(world.ledger().d["2026-12-06"]).toEqual([25, 0]);
    // FastMoss has no credit cap.
    expect(meter.admit({ source: "fastmoss", token: "f", count: 10, until: LATER }).allowed).toBe(
      10,
    );
  });

  it("sets a whole answer's credits aside, refuses one that can't be whole, and frees what is left", () => {
    const world = meterWorld(25);
    const whole = (token: string, needed: number) =>
      world.meter().admit({ source: "keyapi", token, count: 10, whole: needed, until: LATER });
    expect(whole("a", 10).allowed).toBe(10);
    // b sets 10 aside, sends its first 5-page wave... (count 10 of a 10-page answer here)
    const b = world.meter();
    expect(
      b.admit({ source: "keyapi", token: "b", count: 5, whole: 10, until: LATER }).allowed,
    ).toBe(5);
    // 10 counted for a, 5 for b, 5 more held by b: 5 left — a 10-page answer is refused whole.
    const refused = whole("c", 10);
    expect(refused.allowed).toBe(0);
    expect(refused.refusal?.message).toMatch(
      /needs 10 KeyAPI credits, .*cap of 25 leaves 5 .*Nothing was spent/,
    );
    expect(world.ledger().d["2026-12-06"]).toEqual([15, 0]);
    // b's data ended early: its 5 set aside are free again.
    b.release("b");
    expect(world.meter().leftToday()).toBe(10);
    expect(whole("d", 10).allowed).toBe(10);
  });

  it("lets a hold lapse when its run is long over", () => {
    const world = meterWorld(20);
    world.meter().admit({
      source: "keyapi",
      token: "a",
      count: 1,
      whole: 20,
      until: world.clock.now() + 1000,
    });
    expect(world.meter().leftToday()).toBe(0);
    world.clock.sleep(2000);
    expect(world.meter().leftToday()).toBe(19);
  });

  it("gives back requests Google never sent", () => {
    const world = meterWorld();
    const meter = world.meter();
    meter.admit({ source: "keyapi", token: "a", count: 10, until: LATER });
    meter.refund("keyapi", 10, "a");
    expect(world.ledger().d["2026-12-06"]).toEqual([0, 0]);
  });

  it("counts a new day's credits from zero", () => {
    const world = meterWorld(10);
    expect(
      world.meter().admit({ source: "keyapi", token: "a", count: 10, until: LATER }).allowed,
    ).toBe(10);
    expect(world.meter().leftToday()).toBe(0);
    world.clock.sleep(DAY);
    expect(world.meter().leftToday()).toBe(10);
  });

  it("loses no count made without the lock: each waits in a property of its own until a locked count folds it in", () => {
    const world = meterWorld(40);
    const pull = world.meter();
    const cells = [world.meter(), world.meter(), world.meter()];
    // A pull holds the lock; three cells count beside it without it, each several waves.
    pull.admit({ source: "keyapi", token: "pull", count: 10, until: LATER });
    cells.forEach((cell, index) => {
      cell.admit({ source: "keyapi", token: `cell${index}`, count: 5, until: LATER }, false);
      cell.admit({ source: "fastmoss", token: `cell${index}`, count: 2, until: LATER }, false);
    });
    expect(world.ledger().d["2026-12-06"]).toEqual([10, 0]);
    // Read with what waits beside it: nothing missing, and the cap sees it too.
    expect(world.meter().read().d["2026-12-06"]).toEqual([25, 6]);
    expect(world.meter().leftToday()).toBe(15);
    // The pull's next wave, under the lock, folds everything in and clears what waited.
    pull.admit({ source: "keyapi", token: "pull", count: 10, until: LATER });
    expect(world.ledger().d["2026-12-06"]).toEqual([35, 6]);
    expect([...world.properties.values.keys()]).toEqual([LEDGER_KEY]);
  });

  it("applies one run's unlocked changes in the order it made them", () => {
    const world = meterWorld(100);
    const cell = world.meter();
    for (let wave = 0; wave < 11; wave++) {
      cell.admit({ source: "keyapi", token: "cell", count: 1, whole: 11, until: LATER }, false);
    }
    // Its hold was 11, spent down to 0 over eleven waves; "…cell.10" sorts after "…cell.9".
    expect(world.meter().read().h.cell).toEqual([0, LATER]);
    cell.release("cell", false);
    expect(world.meter().read().h.cell).toBeUndefined();
    expect(world.meter().leftToday()).toBe(89);
  });
});
