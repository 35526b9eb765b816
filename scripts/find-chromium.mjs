#!/usr/bin/env node
/**
 * Finds a Chromium for the browser tests, in this order:
 *   1. $PLAYWRIGHT_CHROMIUM_EXECUTABLE or $CHROMIUM_PATH,
 *   2. /usr/bin/chromium (Debian's package),
 *   3. Playwright's managed browser, when it has been installed,
 *   4. otherwise, as root with apt-get: `apt-get update && apt-get install -y chromium`.
 * Playwright cannot download its own browsers on our machines, hence the system package.
 * The flags Chromium is launched with live in playwright.config.ts.
 *
 * As a script it prints the path (or one sentence saying what to install, exit 1).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** The first Chromium found without installing anything, or undefined. */
export async function locateChromium(env = process.env) {
  for (const name of ["PLAYWRIGHT_CHROMIUM_EXECUTABLE", "CHROMIUM_PATH"]) {
    const p = env[name];
    if (p) {
      if (existsSync(p)) return p;
      throw new Error(`${name} is set to ${p}, but no file is there.`);
    }
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  try {
    const { chromium } = await import("@playwright/test");
    const managed = chromium.executablePath();
    if (managed && existsSync(managed)) return managed;
  } catch {
    // Playwright not installed or no managed browser: fall through.
  }
  return undefined;
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  return isRoot && hasApt;
}

/**
 * Returns the path of a Chromium, installing Debian's package when that is possible.
 * Throws an Error whose message is one sentence saying what to install when none can be had.
 */
export async function findChromium({ install = true, log = (m) => console.error(m) } = {}) {
  const found = await locateChromium();
  if (found) return found;
  if (install && canInstallWithApt()) {
    log("No Chromium found: installing Debian's chromium package (about a minute)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const opts = { stdio: ["ignore", "inherit", "inherit"], env };
    const upd = spawnSync("apt-get", ["update"], opts);
    const inst = upd.status === 0 ? spawnSync("apt-get", ["install", "-y", "chromium"], opts) : upd;
    if (inst.status === 0 && existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  }
  throw new Error(
    "No Chromium found: install one (e.g. `apt-get install chromium` as root) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to its path.",
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    console.log(await findChromium());
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
