#!/usr/bin/env node
/**
 * `npm start`: starts the playground on Vite's dev server (edits to the source reload the page)
 * and prints its local URL. Port 5173 by default, or the next free one; `-- --port N` picks
 * another and `-- --host` listens on every interface. (The browser tests use `vite preview` on
 * port 4319, so both can run at once.)
 */
import { createServer } from "vite";

function parseArgs(args) {
  const options = {};
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
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port > 0)) {
    console.error("--port needs a port number.");
    process.exit(2);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));

try {
  const server = await createServer({ server: options, clearScreen: false, logLevel: "warn" });
  await server.listen();
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
  console.error(`Could not start the playground: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
