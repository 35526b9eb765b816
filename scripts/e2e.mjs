#!/usr/bin/env node
/**
 * Runs the Playwright browser tests against the production build (`dist/`, served by
 * `vite preview` from playwright.config.ts), in a Chromium found by scripts/find-chromium.mjs:
 * $PLAYWRIGHT_CHROMIUM_EXECUTABLE or $CHROMIUM_PATH, then /usr/bin/chromium, then Playwright's
 * managed browser; failing those, Debian's `chromium` package is installed when we run as root
 * with apt-get, or we stop with one sentence saying what to install.
 *
 * Playwright never downloads a browser here (our machines cannot reach its CDN).
 * Arguments are passed on to `playwright test` (e.g. `npm run test:e2e -- --headed`).
 * When there is no build yet, one is made first.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium } from "./find-chromium.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

/** Runs a command in the project root with our output; returns its exit status. */
function run(command, args, env = process.env) {
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (r.error) {
    console.error(`Could not run ${command}: ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

if (!existsSync(bin("playwright"))) fail("Playwright is not installed: run `npm ci` first.");

let chromium;
try {
  chromium = await findChromium();
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
console.log(`Chromium: ${chromium}`);

if (!existsSync(join(root, "dist", "index.html"))) {
  console.log("No production build in dist/: building it first.");
  if (run(bin("vite"), ["build"]) !== 0)
    fail("The production build failed, so the browser tests cannot run.");
}

const env = {
  ...process.env,
  PLAYWRIGHT_CHROMIUM_EXECUTABLE: chromium,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
};
process.exitCode = run(bin("playwright"), ["test", ...process.argv.slice(2)], env);
