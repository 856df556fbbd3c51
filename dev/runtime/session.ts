// The emulated Session, Logger and console: who runs the execution, in which locale and time zone,
// and the log lines it writes (kept on the execution's record).

import { inspect } from "node:util";
import type { Execution } from "./execution.js";

export interface SessionOptions {
  readonly userLocale: string;
  readonly scriptTimeZone: string;
}

export function createSession(exec: Execution, options: SessionOptions) {
  const user = (email: string) => ({ getEmail: () => email, toString: () => email });
  return {
    getActiveUser() {
      exec.guard("Session.getActiveUser", "session");
      return user(exec.activeUser);
    },
    getEffectiveUser() {
      exec.guard("Session.getEffectiveUser", "session");
      return user(exec.effectiveUser);
    },
    getActiveUserLocale() {
      exec.guard("Session.getActiveUserLocale", "locale");
      return options.userLocale;
    },
    getScriptTimeZone() {
      exec.guard("Session.getScriptTimeZone", "locale");
      return options.scriptTimeZone;
    },
    getTemporaryActiveUserKey() {
      exec.guard("Session.getTemporaryActiveUserKey", "session");
      return Buffer.from(`${exec.activeUser}|key`).toString("base64url");
    },
  };
}

function formatLogArguments(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 4 }))).join(" ");
}

export function createLogger(exec: Execution) {
  const logger = {
    log(format: unknown, ...values: unknown[]) {
      if (typeof format === "string" && values.length > 0) {
        let index = 0;
        exec.log(format.replace(/%s/g, () => String(values[index++])));
      } else {
        exec.log(formatLogArguments([format, ...values]));
      }
      return logger;
    },
    getLog: () => exec.logs.join("\n"),
    clear() {
      exec.logs.length = 0;
    },
  };
  return logger;
}

export function createConsole(exec: Execution) {
  const write =
    (level: string) =>
    (...args: unknown[]) =>
      exec.log(
        level === "log" ? formatLogArguments(args) : `[${level}] ${formatLogArguments(args)}`,
      );
  return {
    log: write("log"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    time: () => undefined,
    timeEnd: () => undefined,
  };
}
