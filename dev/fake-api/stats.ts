// What the fake server has answered, per API: counts by HTTP status and body code, credits charged
// and a log of every request — tests and benchmarks read it to prove how many calls a pull made.

import type { ApiName } from "./config.js";

export interface RequestLogEntry {
  readonly api: ApiName;
  /** The client's virtual now (X-Virtual-Time), or the server's clock without it. */
  readonly virtualTime: number;
  /** KeyAPI `page_num` / FastMoss `page`, when readable. */
  readonly page: number | null;
  /** KeyAPI `page_size` / FastMoss `pagesize`, when readable. */
  readonly pageSize: number | null;
  readonly status: number;
  /** The body's `code`, null when the body had none (a raw scripted body). */
  readonly code: number | null;
  readonly latencyMs: number;
  /** KeyAPI: the query parameters; FastMoss: the JSON body. Never a key. */
  readonly params: unknown;
  /** Rows of creators in the answer. */
  readonly rows: number;
  /** Credits this request cost (KeyAPI). */
  readonly credits: number;
}

export interface ApiStats {
  requests: number;
  /** KeyAPI credits charged (FastMoss: always 0). */
  credits: number;
  /** Creator rows answered. */
  rows: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  log: RequestLogEntry[];
}

export interface FakeApiStats {
  keyapi: ApiStats;
  fastmoss: ApiStats;
  /** KeyAPI credits left (null: unlimited). */
  creditsRemaining: number | null;
  /** FastMoss rows left in the data allowance (null: unlimited). */
  fastmossQuotaRemaining: number | null;
  /** Scripted failures not yet used up. */
  failuresPending: number;
}

function emptyApiStats(): ApiStats {
  return { requests: 0, credits: 0, rows: 0, byStatus: {}, byCode: {}, log: [] };
}

export class StatsRecorder {
  #stats = { keyapi: emptyApiStats(), fastmoss: emptyApiStats() };

  record(entry: RequestLogEntry): void {
    const stats = this.#stats[entry.api];
    stats.requests += 1;
    stats.credits += entry.credits;
    stats.rows += entry.rows;
    stats.byStatus[entry.status] = (stats.byStatus[entry.status] ?? 0) + 1;
    if (entry.code !== null) stats.byCode[entry.code] = (stats.byCode[entry.code] ?? 0) + 1;
    stats.log.push(entry);
  }

  clear(): void {
    this.#stats = { keyapi: emptyApiStats(), fastmoss: emptyApiStats() };
  }

  /** A copy: the caller may keep it while the server goes on. */
  snapshot(): { keyapi: ApiStats; fastmoss: ApiStats } {
    return structuredClone(this.#stats);
  }
}
