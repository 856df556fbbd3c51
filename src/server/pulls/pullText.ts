// How a pull speaks to the person who started it: header labels in their language, and a finished
// pull's message with its rows, its mode in their words, and the requests and credits it spent.

import { currentLocale, type Locale, message } from "../../shared/messages/index.js";
import { grouped } from "../../shared/query/index.js";
import type { JobState } from "./jobStore.js";
import type { PullRequest } from "./pullRequest.js";

/**
 * The request with its header labels in the language of this call (the sidebar's, if it sent one),
 * or in the one given (a saved query runs in the language it was saved in).
 */
export function withLabelLocale(
  request: PullRequest,
  locale: Locale = currentLocale(),
): PullRequest {
  return { ...request, output: { ...request.output, labelLocale: locale } };
}

/** "5 requests, 5 credits" — each word singular or plural by its count. */
export function spentText(requests: number, credits: number): string {
  return message("spent.both", {
    requests: message(requests === 1 ? "spent.requests.one" : "spent.requests.other", {
      count: grouped(requests),
    }),
    credits: message(credits === 1 ? "spent.credits.one" : "spent.credits.other", {
      count: grouped(credits),
    }),
  });
}

/** "Wrote 50 rows to “Creators” (replace): 5 requests, 5 credits." */
export function doneMessage(job: JobState): string {
  const { sheet, mode } = job.request;
  return message("pull.doneSpent", {
    rows: grouped(job.rowsWritten),
    sheet,
    mode: message(`writeMode.${mode}`),
    spent: spentText(job.requests, job.credits),
  });
}
