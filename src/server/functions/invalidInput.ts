// The error for input that failed validation: every issue in one message, each naming its
// parameter — raised before any request is made.

import { issueMessage, type QueryIssue } from "../../shared/query/index.js";
import { AddonError } from "../errors.js";

export function invalidInput(issues: readonly QueryIssue[]): AddonError {
  return new AddonError("INVALID_ARGUMENT", issues.map((issue) => issueMessage(issue)).join(" "));
}
