import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * The tests run against the production build on `vite preview` (port 4319 as in vite.config.ts;
 * `PODLIFE_E2E_PORT` picks another, so two runs on one machine do not collide).
 */
const PORT = Number(process.env.PODLIFE_E2E_PORT ?? 4319);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * Chromium found by scripts/find-chromium.mjs (scripts/e2e.mjs sets the variable); Debian's
 * package otherwise. Playwright cannot download its own browser on our machines.
 */
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ??
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/**
 * Headless Chromium on a CI machine: no sandbox (root), no GPU, and none of the background
 * services that keep calling Google on a closed network.
 */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  // Generous limits: Monaco's first load on a busy 2-core CI machine can take well over 10 s.
  timeout: 60_000,
  expect: { timeout: 25_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: BASE_URL,
    // Always a fresh server on the build just made, never a stale one left running.
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
