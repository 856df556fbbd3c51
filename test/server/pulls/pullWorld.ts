// A pull's whole world in memory, for the engine's unit tests: the in-memory spreadsheet, the
// document's and the user's properties, a document lock another run can hold, a trigger that is
// counted, and the KeyAPI-like paged server of the http tests on a virtual clock. Each execution
// is a call of startPull or resumePull; time moves only as the fake server and pacing make it.

import type { DocumentLock } from "../../../src/server/platform/types.js";
import {
  type PullEnvironment,
  type PullSummary,
  resumePull,
  startPull,
} from "../../../src/server/pulls/runPull.js";
import { saveKeys } from "../../../src/server/settings/settings.js";
import {
  FakeCache,
  FakeClock,
  type FakeServerOptions,
  fakePagedServer,
  memoryProperties,
} from "../http/fakes.js";
import { FakeSpreadsheet } from "./fakeSpreadsheet.js";

/** The document lock; `heldByOther` makes every tryLock fail as if another run kept it. */
export function memoryLock(): DocumentLock & { heldByOther: boolean; held: boolean } {
  const lock = {
    heldByOther: false,
    held: false,
    tryLock: () => {
      if (lock.heldByOther) return false;
      lock.held = true;
      return true;
    },
    release: () => {
      lock.held = false;
    },
  };
  return lock;
}

/** A KeyAPI pull of the fake server's creators: three columns, id last. */
export function keyapiPull(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    source: "keyapi",
    region: "US",
    limit: 30,
    sheet: "Creators",
    mode: "replace",
    columns: ["unique_id", "total_followers_cnt", "user_id"],
    ...extra,
  };
}

/** The id the fake server gives its creator number `n` (0-based, in API order). */
export const creatorId = (n: number) => String(7_000_000_000_000_000_000n + BigInt(n));

export function pullWorld(server: Omit<FakeServerOptions, "total"> & { total?: number } = {}) {
  const clock = new FakeClock(Date.UTC(2026, 5, 1, 9));
  let api = fakePagedServer(clock, { total: 10_000, ...server });
  const spreadsheet = new FakeSpreadsheet();
  const properties = memoryProperties();
  saveKeys(properties, { keyapiKey: "test-keyapi-key-0001" });
  const lock = memoryLock();
  let ids = 0;
  const triggers = { ensured: 0 };
  const env: PullEnvironment = {
    data: {
      http: { fetchAll: (requests) => api.http.fetchAll(requests) },
      clock,
      cache: new FakeCache(),
      hash: (text) => `h${text.length}.${text.slice(-24)}`,
    },
    properties,
    timeZone: "UTC",
    userProperties: memoryProperties(),
    spreadsheet,
    lock,
    triggers: { documentId: "doc", list: () => [], createHourly: () => "t", delete: () => {} },
    ensureTrigger: () => {
      triggers.ensured++;
      return "trigger-1";
    },
    newId: () => `job-${++ids}-0000-0000`,
  };
  return {
    clock,
    spreadsheet,
    properties,
    lock,
    triggers,
    env,
    /** The server's requests so far. */
    requests: () => api.log,
    /** From now on the server answers with these options (a fresh request log). */
    serve(options: Omit<FakeServerOptions, "total"> & { total?: number }) {
      api = fakePagedServer(clock, { total: 10_000, ...options });
    },
    /** One execution starting a pull. */
    run: (input: Record<string, unknown>): PullSummary => startPull(input, env),
    /** One execution going on with a job, begun now. */
    resume: (jobId: string): PullSummary => resumePull(jobId, env, clock.now()),
    /** Executions of a running job until it is done or failed (at most `limit`). */
    finish(summary: PullSummary, limit = 20): PullSummary {
      let last = summary;
      for (let i = 0; i < limit && last.status === "running"; i++) {
        last = resumePull(last.jobId!, env, clock.now());
      }
      return last;
    },
  };
}

export type PullWorld = ReturnType<typeof pullWorld>;
