// The fake API in a worker thread: it answers while the test's own thread is blocked, and its
// configure, stats, reset and close cross the thread boundary.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeApiHandle, startFakeApiInWorker } from "../../../dev/fake-api/worker.js";
import { getKeyApi, postFastMoss, rankingBody, T0 } from "./helpers.js";

describe("startFakeApiInWorker", () => {
  let api: FakeApiHandle;

  beforeAll(async () => {
    api = await startFakeApiInWorker({ seed: 7, config: { latencyMs: 12 } });
  });
  afterAll(async () => {
    await api.close();
  });

  it("serves both APIs from the worker", async () => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const keyApi = await getKeyApi(api.url, { region: "US", page_num: 1, page_size: 10 });
    expect([
      keyApi.status,
      keyApi.body.data.length,
      keyApi.headers.get("x-simulated-latency-ms"),
    ]).toEqual([200, 10, "12"]);
    const ranking = await postFastMoss(
      api.url,
      rankingBody({ region: "GB", date_info: { type: "month", value: "2026-03" } }, 1, 5),
    );
    expect(ranking.body.data.list).toHaveLength(5);
  });

  it("configure and stats round-trip", async () => {
    await api.reset();
    await api.configure({ latencyMs: 300, credits: 1 });
    const first = await getKeyApi(
      api.url,
      { region: "US", page_num: 1, page_size: 10 },
      { time: T0 },
    );
    expect(first.headers.get("x-simulated-latency-ms")).toBe("300");
    expect((await getKeyApi(api.url, { region: "US", page_num: 2, page_size: 10 })).status).toBe(
      402,
    );
    const stats = await api.stats();
    expect(stats.keyapi.requests).toBe(2);
    expect(stats.keyapi.byStatus).toEqual({ 200: 1, 402: 1 });
    expect(stats.creditsRemaining).toBe(0);
    expect(stats.keyapi.log[0]).toMatchObject({ virtualTime: T0, page: 1, latencyMs: 300 });
    await api.reset();
    expect((await api.stats()).keyapi.requests).toBe(0);
    expect(
      (await getKeyApi(api.url, { region: "US", page_num: 1, page_size: 10 })).headers.get(
        "x-simulated-latency-ms",
      ),
    ).toBe("12");
  });

  it("rejects an invalid patch", async () => {
    await expect(api.configure({ latencyMs: -5 })).rejects.toThrow(/latencyMs/);
  });

  it("answers while this thread is blocked (as the runtime's synchronous fetch blocks it)", async () => {
    const { Worker } = await import("node:worker_threads");
    // A helper thread fetches and signals; this thread waits with Atomics.wait meanwhile.
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const helper = new Worker(
      `const { workerData } = require("node:worker_threads");
       fetch(workerData.url + "/v1/tiktok/influencer/list/analytics?region=US&page_num=1&page_size=3",
         { headers: { Authorization: "Bearer demo-keyapi-key" } })
         .then((r) => { Atomics.store(workerData.shared, 1, r.status); })
         .catch(() => { Atomics.store(workerData.shared, 1, -1); })
         .finally(() => { Atomics.store(workerData.shared, 0, 1); Atomics.notify(workerData.shared, 0); });`,
      { eval: true, workerData: { url: api.url, shared } },
    );
    const outcome = Atomics.wait(shared, 0, 0, 10_000);
    await helper.terminate();
    expect(outcome).not.toBe("timed-out");
    expect(shared[1]).toBe(200);
  });
});

describe("closing", () => {
  it("stops the server and the worker", async () => {
    const api = await startFakeApiInWorker();
    await api.close();
    await expect(fetch(`${api.url}/__admin/stats`)).rejects.toThrow();
    await expect(api.stats()).rejects.toThrow(/exited/);
    await api.close();
  });
});
