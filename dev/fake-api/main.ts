// `npm run fake-api`: the fake KeyAPI + FastMoss server on its own, for trying requests by hand.

import { parseArgs } from "node:util";
import { FASTMOSS_PATH } from "./fastmoss.js";
import { KEYAPI_PATH } from "./keyapi.js";
import {
  createFakeApi,
  DEFAULT_SEED,
  DEMO_FASTMOSS_TOKEN,
  DEMO_KEYAPI_KEY,
  type FakeApiConfigPatch,
} from "./server.js";

const USAGE = `Usage: npm run fake-api -- [--port 8787] [--seed 42] [--latency ms] [--rate rps] [--real-delay]`;

function numberFlag(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a whole number ≥ 0`);
  return value;
}

/** The last complete month before today, so the FastMoss example works whenever it is run. */
function lastMonth(now = new Date()): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      seed: { type: "string" },
      latency: { type: "string" },
      rate: { type: "string" },
      "real-delay": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = numberFlag("port", values.port, 8787);
  const seed = numberFlag("seed", values.seed, DEFAULT_SEED);
  const rate = values.rate === undefined ? null : numberFlag("rate", values.rate, 0) || null;
  const config: FakeApiConfigPatch = {
    latencyMs: numberFlag("latency", values.latency, 0),
    realDelay: values["real-delay"],
    rateLimit: { keyapi: rate, fastmoss: rate },
  };

  const api = createFakeApi({ seed, config });
  const { url } = await api.listen(port, "127.0.0.1");
  const fastmossBody = JSON.stringify({
    filter: {
      region: "US",
      creator_category_id: 4,
      product_category_l1_id: 14,
      date_info: { type: "month", value: lastMonth() },
      follower_count_range: { min: 500000, max: 1000000 },
    },
    orderby: [{ field: "potential_index", order: "desc" }],
    page: 1,
    pagesize: 10,
  });
  console.log(`Fake KeyAPI + FastMoss listening on ${url} (seed ${seed})

Keys:   KeyAPI   ${DEMO_KEYAPI_KEY}
        FastMoss ${DEMO_FASTMOSS_TOKEN}
Knobs:  latency ${config.latencyMs} ms, rate limit ${rate ?? "none"}, real delay ${config.realDelay ? "on" : "off"}
Admin:  GET ${url}/__admin/stats · POST ${url}/__admin/config (JSON patch) · POST ${url}/__admin/reset

KeyAPI:
curl '${url}${KEYAPI_PATH}?region=US&page_num=1&page_size=10&influencer_sort_field_v2=1&sort_type=1' \\
  --header 'Authorization: Bearer ${DEMO_KEYAPI_KEY}'

FastMoss:
curl '${url}${FASTMOSS_PATH}' \\
  --header 'Content-Type: application/json' \\
  --header 'Authorization: Bearer ${DEMO_FASTMOSS_TOKEN}' \\
  --data '${fastmossBody}'

Ctrl-C stops the server.`);

  const stop = () => {
    api.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
