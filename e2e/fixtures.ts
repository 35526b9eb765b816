/**
 * The test fixture every spec uses: a page whose console errors and uncaught exceptions are
 * collected and fail the test at its end, plus the page objects.
 */
import { test as base, expect } from "@playwright/test";
import { EmbedPage } from "./pages/embed.ts";
import { PlaygroundPage } from "./pages/playground.ts";

interface Fixtures {
  /** Console errors and page errors seen so far; asserted empty after each test. */
  consoleErrors: string[];
  playground: PlaygroundPage;
  embed: EmbedPage;
}

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
      await use(errors);
      expect(errors, "the page logged errors").toEqual([]);
    },
    { auto: true },
  ],
  playground: async ({ page }, use) => {
    await use(new PlaygroundPage(page));
  },
  embed: async ({ page }, use) => {
    await use(new EmbedPage(page));
  },
});

export { expect };

/** Requests for the editor's code: Monaco chunks and its two workers. */
export const MONACO_REQUEST = /monaco|editor\.worker|yaml\.worker/;
