// `npm start`: the local playground — the add-on's real sidebar beside a live grid of the emulated
// spreadsheet, served on http://127.0.0.1:8080 (PORT to change; a free port when it is taken).

import { DEFAULT_PORT, startPlayground } from "./server.js";

async function main(): Promise<void> {
  const port = process.env.PORT === undefined ? DEFAULT_PORT : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number, not "${process.env.PORT}".`);
  }
  const playground = await startPlayground({ port });
  console.log(`TikTok Influencers playground: ${playground.url}`);
  console.log(
    `dist/Code.js runs in the local Apps Script runtime against the fake KeyAPI + FastMoss at ${playground.api.url}.`,
  );
  console.log("The demo keys are saved in the settings. Ctrl-C stops it.");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the playground…`);
    // Should a worker hang, don't keep the terminal waiting.
    setTimeout(() => process.exit(1), 5_000).unref();
    playground.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
