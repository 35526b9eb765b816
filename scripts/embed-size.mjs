/**
 * The embed view's size check, run by `npm test` after the build: reads `dist/bundle-report.json`
 * (written by scripts/bundle-report.ts) and fails when the JavaScript the embed page loads on its
 * main thread exceeds the budget. The simulator worker is reported beside it but not counted: on
 * its own it is larger than the whole budget (see README, "Development").
 */

/** The embed view's budget for its page JavaScript, gzip, in kB (1 kB = 1024 bytes). */
export const EMBED_BUDGET_KB = 150;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Checks a bundle report; returns `{ ok, line }` where `line` says the figures in one sentence.
 * A report without embed figures fails (an old or broken build).
 */
export function checkEmbedSize(report) {
  const e = report?.embed;
  if (!e || typeof e.mainThreadJsGzip !== "number")
    return { ok: false, line: "no embed figures in dist/bundle-report.json" };
  const ok = e.mainThreadJsGzip <= EMBED_BUDGET_KB * 1024;
  const line =
    `embed page JS ${kb(e.mainThreadJsGzip)} gzip (budget ${EMBED_BUDGET_KB} kB${ok ? "" : ": OVER"}); ` +
    `with the simulator worker ${kb(e.totalJsGzip)}`;
  return { ok, line };
}
