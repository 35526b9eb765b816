#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in this order —
 *   1. type-check   tsc --noEmit
 *   2. lint         biome check .
 *   3. unit tests   vitest run
 *   4. build        vite build (prints the main-thread JS size without Monaco)
 *   5. embed size   the embed view's JavaScript against its budget (scripts/embed-size.mjs)
 *   6. e2e tests    Playwright in Chromium against that build (scripts/e2e.mjs)
 * Every stage runs even when an earlier one failed (except the browser tests, which need the
 * build), then a summary lists them all and the last line is the plain `N passed, N failed` that
 * CI reads. N counts the Vitest and Playwright tests (from their JSON reports); a stage that fails
 * without a failing test to show for it (a type error, a lint error, a broken build, a test file
 * that does not load) counts as one failure, so `0 failed` always means the exit status is 0.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkEmbedSize } from "./embed-size.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const VITEST_JSON = join(root, "test-results", "vitest.json");
const PLAYWRIGHT_JSON = join(root, "test-results", "playwright.json");
const BUNDLE_REPORT = join(root, "dist", "bundle-report.json");

/** Runs a command in the project root with our output; returns its exit status. */
function run(command, args) {
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (r.error) {
    console.error(`Could not run ${command}: ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Test counts from Vitest's JSON report; files that failed outside any test count as failures. */
function vitestCounts() {
  const r = readJson(VITEST_JSON);
  if (!r) return undefined;
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === "failed" && !(f.assertionResults ?? []).some((t) => t.status === "failed"),
  ).length;
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + brokenFiles,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

/** Test counts from Playwright's JSON report (retries are off, so `flaky` stays 0). */
function playwrightCounts() {
  const s = readJson(PLAYWRIGHT_JSON)?.stats;
  if (!s) return undefined;
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * The stages. `run` returns the exit status; `counts` (test stages) reads the report afterwards;
 * `note` adds a figure to the summary line.
 */
const stages = [
  {
    name: "type-check",
    title: "tsc --noEmit",
    run: () => run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]),
  },
  {
    name: "lint",
    title: "biome check .",
    run: () => run(bin("biome"), ["check", "."]),
  },
  {
    name: "unit tests",
    title: "vitest run",
    run: () => {
      rmSync(VITEST_JSON, { force: true });
      return run(bin("vitest"), [
        "run",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${VITEST_JSON}`,
      ]);
    },
    counts: vitestCounts,
  },
  {
    name: "build",
    title: "vite build",
    run: () => {
      // No stale build may stand in for a failed one in the browser tests.
      rmSync(join(root, "dist"), { recursive: true, force: true });
      return run(bin("vite"), ["build"]);
    },
    note: () => {
      const r = readJson(BUNDLE_REPORT);
      return r ? `main-thread JS without Monaco: ${kb(r.mainThreadJsGzip)} gzip` : "";
    },
  },
  {
    name: "embed size",
    title: "the embed view's JavaScript against its budget",
    needsBuild: true,
    run: () => {
      const { ok, line } = checkEmbedSize(readJson(BUNDLE_REPORT));
      console.log(line);
      return ok ? 0 : 1;
    },
    note: () => checkEmbedSize(readJson(BUNDLE_REPORT)).line,
  },
  {
    name: "e2e tests",
    title: "Playwright in Chromium, against the production build",
    needsBuild: true,
    run: () => {
      rmSync(PLAYWRIGHT_JSON, { force: true });
      return run(process.execPath, [join(root, "scripts", "e2e.mjs")]);
    },
    counts: playwrightCounts,
  },
];

const results = [];
let passed = 0;
let failed = 0;
for (const stage of stages) {
  console.log(`\n━━ ${stage.name}: ${stage.title}\n`);
  const started = Date.now();
  let status;
  let reason = "";
  if (stage.needsBuild && !existsSync(join(root, "dist", "index.html"))) {
    status = 1;
    reason = "not run: there is no production build";
    console.log(`Skipped: ${reason}.`);
  } else {
    status = stage.run();
  }
  const seconds = (Date.now() - started) / 1000;
  const counts = reason ? undefined : stage.counts?.();
  let stageFailed = counts?.failed ?? 0;
  // A failure with no failing test to show for it still counts once.
  if (status !== 0 && stageFailed === 0) stageFailed = 1;
  passed += counts?.passed ?? 0;
  failed += stageFailed;
  let detail = reason;
  if (counts) {
    detail = `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`;
  } else if (stage.counts && !reason) {
    detail = "no test report was written";
  }
  if (status === 0 && stage.note) detail = stage.note();
  results.push({ name: stage.name, ok: status === 0, seconds, detail });
}

console.log("\n━━ summary\n");
for (const r of results) {
  const line = `  ${r.ok ? "ok  " : "FAIL"}  ${r.name.padEnd(11)} ${`${r.seconds.toFixed(1)}s`.padStart(6)}`;
  console.log(r.detail ? `${line}   ${r.detail}` : line);
}
console.log("");
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && results.every((r) => r.ok) ? 0 : 1;
