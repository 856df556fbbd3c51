// In-memory stand-ins for the platform: a virtual clock, a cache with call counters, a property
// store, and a small KeyAPI-like server that pages a dataset, paces by a rate limit and fails on cue.

import type {
  Clock,
  HttpClient,
  HttpOutcome,
  HttpRequest,
  KeyValueCache,
  PropertyStore,
} from "../../../src/server/platform/types.js";

export class FakeClock implements Clock {
  constructor(public time = 1_000_000) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number): void {
    this.time += ms;
  }
}

export class FakeCache implements KeyValueCache {
  readonly values = new Map<string, string>();
  calls = { getAll: 0, putAll: 0 };
  getAll(keys: readonly string[]): Record<string, string> {
    this.calls.getAll++;
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.values.get(key);
      if (value !== undefined) found[key] = value;
    }
    return found;
  }
  putAll(values: Readonly<Record<string, string>>): void {
    this.calls.putAll++;
    for (const [key, value] of Object.entries(values)) this.values.set(key, value);
  }
  remove(key: string): void {
    this.values.delete(key);
  }
}

/** A property store in memory; `values` shows what is stored. */
export function memoryProperties(): PropertyStore & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (name) => values.get(name) ?? null,
    set: (name, value) => {
      values.set(name, value);
    },
    delete: (name) => {
      values.delete(name);
    },
    list: (prefix) => Object.fromEntries([...values].filter(([name]) => name.startsWith(prefix))),
  };
}

export interface FakeServerOptions {
  /** Records in the dataset. */
  readonly total: number;
  readonly latencyMs?: number;
  /** Requests accepted per sliding second; undefined = no limit. */
  readonly rateLimit?: number;
  /** Answers to give instead of a page, consumed in order: [page, status, body]. */
  readonly failures?: Array<{
    page: number;
    status: number;
    body: string;
    headers?: Record<string, string>;
  }>;
}

/** A KeyAPI-like paged server: GET …?page_num=N&page_size=S over `total` records. */
export function fakePagedServer(clock: FakeClock, options: FakeServerOptions) {
  const log: Array<{ page: number; time: number; status: number }> = [];
  const accepted: number[] = [];
  const failures = [...(options.failures ?? [])];
  const answer = (request: HttpRequest, time: number): HttpOutcome => {
    const url = new URL(request.url);
    const page = Number(url.searchParams.get("page_num"));
    const size = Number(url.searchParams.get("page_size"));
    const recent = accepted.filter((t) => t > time - 1000).length;
    if (options.rateLimit !== undefined && recent >= options.rateLimit) {
      log.push({ page, time, status: 429 });
      return {
        status: 429,
        headers: { "retry-after": "1" },
        body: '{"code":429,"data":null,"message":"qps limit exceeded"}',
      };
    }
    accepted.push(time);
    const failure = failures.findIndex((f) => f.page === page);
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      log.push({ page, time, status: f!.status });
      return { status: f!.status, headers: f!.headers ?? {}, body: f!.body };
    }
    const start = (page - 1) * size;
    const data = Array.from(
      { length: Math.max(0, Math.min(size, options.total - start)) },
      (_, i) => ({
        user_id: String(7_000_000_000_000_000_000n + BigInt(start + i)),
        unique_id: `creator${start + i}`,
        total_followers_cnt: 1000 + start + i,
      }),
    );
    log.push({ page, time, status: 200 });
    return {
      status: 200,
      headers: {},
      body: JSON.stringify({ code: 0, message: "success", data, requestId: "r" }),
    };
  };
  const http: HttpClient = {
    fetchAll(requests) {
      const time = clock.now();
      const outcomes = requests.map((request) => answer(request, time));
      clock.sleep(options.latencyMs ?? 0);
      return outcomes;
    },
  };
  return { http, log };
}
