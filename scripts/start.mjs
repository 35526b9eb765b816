#!/usr/bin/env node
/**
 * `npm start`: builds the playground for production and serves it, then prints its local URL.
 * The production build is what users get, and it starts fast even on a busy machine (the dev
 * server loads the simulator module by module into its worker); `npm run dev` is the dev server.
 *
 * Port 4173 by default, or the next free one; `-- --port N` picks another and `-- --host` listens
 * on every interface. (The browser tests serve their build on port 4319, so both can run at once.)
 */
import { build, preview } from "vite";

const DEFAULT_PORT = 4173;

function parseArgs(args) {
  const options = { port: DEFAULT_PORT };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--port") options.port = Number(args[++i]);
    else if (a.startsWith("--port=")) options.port = Number(a.slice("--port=".length));
    else if (a === "--host") options.host = args[i + 1] && !args[i + 1].startsWith("-") ? args[++i] : true;
    else if (a.startsWith("--host=")) options.host = a.slice("--host=".length);
    else {
      console.error(`Unknown option ${a}: use --port N or --host [ADDRESS].`);
      process.exit(2);
    }
  }
  if (!(Number.isInteger(options.port) && options.port > 0)) {
    console.error("--port needs a port number.");
    process.exit(2);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));

try {
  console.log("Building the playground…");
  await build({ logLevel: "warn" });
  const server = await preview({
    preview: { ...options, strictPort: false },
    logLevel: "warn",
  });
  const urls = [...(server.resolvedUrls?.local ?? []), ...(server.resolvedUrls?.network ?? [])];
  console.log("");
  console.log(`  Podlife playground: ${urls[0] ?? "(no address)"}`);
  for (const url of urls.slice(1)) console.log(`                 also: ${url}`);
  console.log("");
  console.log("  Press Ctrl+C to stop.");
  console.log("");
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (e) {
  // The build has already printed what went wrong; say it in one line as well.
  console.error(
    `Could not start the playground: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
  );
  process.exit(1);
}
