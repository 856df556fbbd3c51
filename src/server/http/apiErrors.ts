// Turns what an API said into the add-on's coded errors, with a message a person can act on.

import { type MessageId, message } from "../../shared/messages/index.js";
import { AddonError, type ErrorCode } from "../errors.js";

const MESSAGE_OF: Partial<Record<ErrorCode, MessageId>> = {
  MISSING_KEY: "fetch.missingKey",
  BAD_KEY: "fetch.badKey",
  FORBIDDEN: "fetch.forbidden",
  NO_CREDITS: "fetch.noCredits",
  DATA_LIMIT: "fetch.dataLimit",
  API_REJECTED: "fetch.rejected",
  NOT_FOUND: "fetch.notFound",
  RATE_LIMITED: "fetch.rateLimited",
  SERVICE_ERROR: "fetch.serviceError",
  BAD_ANSWER: "fetch.badAnswer",
  NETWORK: "fetch.network",
  QUOTA: "quota.urlfetch",
};

export function apiError(
  code: ErrorCode,
  api: string,
  detail: string,
  extra: Readonly<Record<string, string | number>> = {},
): AddonError {
  const id = MESSAGE_OF[code];
  const text = id ? message(id, { api, detail, ...extra }) : `${api}: ${detail}`;
  return new AddonError(code, text);
}
