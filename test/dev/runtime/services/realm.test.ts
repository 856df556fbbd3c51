// The services as a script in its own vm realm sees them: arrays, objects, dates and errors it
// gets back are of its own realm, and values it passes in (its own Dates, arrays) are understood.

import vm from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { VirtualClock } from "../../../../dev/runtime/clock.js";
import { Execution, type Realm, SCOPES } from "../../../../dev/runtime/execution.js";
import {
  CacheStores,
  createCacheService,
  createPropertiesService,
  createUrlFetchApp,
  createUtilities,
  HttpBridge,
  PropertyStores,
} from "../../../../dev/runtime/services/index.js";
import { type EchoServer, OWNER, START, startEchoServer } from "./helpers.js";

let server: EchoServer;
let bridge: HttpBridge;

beforeAll(async () => {
  server = await startEchoServer();
  bridge = new HttpBridge({ routes: { "https://api.keyapi.ai": server.base } });
});

afterAll(async () => {
  await bridge.close();
  await server.close();
});

it("hands the script values of its own realm", () => {
  const context = vm.createContext({});
  const realm = vm.runInContext("({ Error, TypeError, Date, Array, Object })", context) as Realm;
  const clock = new VirtualClock(START);
  const exec = new Execution({
    id: 1,
    kind: "serverCall",
    authMode: "FULL",
    activeUser: OWNER,
    effectiveUser: OWNER,
    owner: OWNER,
    clock,
    realm,
    scopes: new Set([SCOPES.externalRequest]),
  });
  Object.assign(context, {
    UrlFetchApp: createUrlFetchApp(bridge, exec),
    Utilities: createUtilities(exec),
    CacheService: createCacheService(new CacheStores(clock), exec),
    PropertiesService: createPropertiesService(new PropertyStores(), exec),
  });
  const result = vm.runInContext(
    `(() => {
      const responses = UrlFetchApp.fetchAll(["https://api.keyapi.ai/echo?latency=300"]);
      const echo = JSON.parse(responses[0].getContentText());
      const headers = responses[0].getHeaders();
      const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, [1, 2, 3]);
      const parsed = Utilities.parseDate("2026-03-08", "UTC", "yyyy-MM-dd");
      const formatted = Utilities.formatDate(new Date(Date.UTC(2026, 0, 2)), "UTC", "yyyy/MM/dd");
      CacheService.getScriptCache().putAll({ a: "1" });
      const found = CacheService.getScriptCache().getAll(["a"]);
      const keys = PropertiesService.getScriptProperties().setProperty("k", "v").getKeys();
      let error;
      try { UrlFetchApp.fetch("https://api.keyapi.ai/echo?status=500"); } catch (e) { error = e; }
      return {
        arrays: [responses, bytes, keys].every((a) => a instanceof Array),
        objects: [headers, found].every((o) => o instanceof Object && Object.getPrototypeOf(o) === Object.prototype),
        date: parsed instanceof Date && parsed.getTime() === Date.UTC(2026, 2, 8),
        formatted,
        error: error instanceof Error && error.name === "Exception",
        virtualTime: echo.headers["x-virtual-time"],
      };
    })()`,
    context,
  );
  expect(JSON.parse(JSON.stringify(result))).toEqual({
    arrays: true,
    objects: true,
    date: true,
    formatted: "2026/01/02",
    error: true,
    virtualTime: String(START),
  });
  expect(clock.now() - START).toBe(300 + 4 * 3 + 3 * 5);
});
