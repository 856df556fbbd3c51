// runQuery's argument → a validated pull: the query, its columns and headers, the sheet to write
// and the write mode. Every issue names its parameter; nothing is fetched before this passes.

import { isSeenKey } from "../../shared/columns/index.js";
import { isReservedSheet, MAX_SHEET_NAME } from "../../shared/pulls/targetFit.js";
import { WRITE_MODES, type WriteMode } from "../../shared/pulls/types.js";
import {
  issue,
  type QueryInput,
  type QueryIssue,
  shown,
  validateQuery,
} from "../../shared/query/index.js";
import type { OutputOptions, SourceQuery } from "../../shared/query/types.js";

export interface PullRequest {
  readonly query: SourceQuery;
  readonly output: OutputOptions;
  readonly sheet: string;
  readonly mode: WriteMode;
}

/** A query as the user sent it (runQuery, a preview, a saved query) → validation's input. */
export function queryInputOf(raw: Readonly<Record<string, unknown>>): QueryInput {
  return {
    source: raw.source,
    region: raw.region,
    limit: raw.limit,
    filters: (raw.filters ?? {}) as Readonly<Record<string, unknown>>,
    columns: raw.columns,
    headers: raw.headers,
  };
}

export function readPullRequest(
  input: unknown,
  context: { readonly now: number; readonly timeZone: string },
): PullRequest | QueryIssue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [issue("query", "pull.notAnObject", {})];
  }
  const raw = input as Record<string, unknown>;
  const issues: QueryIssue[] = [];
  const filters = raw.filters;
  if (
    filters !== undefined &&
    filters !== null &&
    (typeof filters !== "object" || Array.isArray(filters))
  ) {
    return [issue("filters", "argument.object", { name: "filters", value: shown(filters) })];
  }
  const validation = validateQuery(queryInputOf(raw), {
    now: context.now,
    timeZone: context.timeZone,
    limitContext: "sheet",
  });
  if (!validation.ok) issues.push(...validation.issues);
  else if (validation.value.output.headers === "none")
    issues.push(issue("headers", "pull.headersNone", {}));

  const sheet = typeof raw.sheet === "string" ? raw.sheet.trim() : "";
  if (sheet === "") issues.push(issue("sheet", "pull.sheetRequired", {}));
  else if (sheet.length > MAX_SHEET_NAME) issues.push(issue("sheet", "pull.sheetTooLong", {}));
  else if (isReservedSheet(sheet)) {
    issues.push(issue("sheet", "pull.sheetReserved", { name: sheet }));
  }

  const mode = (typeof raw.mode === "string" ? raw.mode : "").trim().toLowerCase();
  if (!(WRITE_MODES as readonly string[]).includes(mode)) {
    issues.push(
      issue("mode", "pull.modeUnknown", { value: shown(raw.mode ?? "").replace(/^"|"$/g, "") }),
    );
  }
  const seen = validation.ok ? validation.value.output.columns.filter(isSeenKey) : [];
  if (seen.length > 0 && mode !== "upsert") {
    issues.push(issue("columns", "seen.upsertOnly", { columns: seen.join(", ") }));
  }
  if (issues.length > 0 || !validation.ok) return issues;
  return { ...validation.value, sheet, mode: mode as WriteMode };
}
