/**
 * The embed view's size check, run by `npm test` after the build: reads `dist/bundle-report.json`
 * (written by scripts/bundle-report.ts) and fails when the embed view's JavaScript exceeds either
 * limit: its page (main thread) against the 150 kB budget, and page plus simulator worker against
 * a ceiling that stops it growing back. The issue asks for 150 kB for the two together; the
 * simulator alone is about 173 kB gzip (see README, "Development"), so that is reported, not met.
 */

/** The embed view's budget for its page JavaScript, gzip, in kB (1 kB = 1024 bytes). */
export const EMBED_BUDGET_KB = 150;

/**
 * The ceiling for page plus simulator worker (what a scenario without kubectl commands downloads),
 * gzip, in kB, so growth is noticed: 285 kB on 2026-12-04; 294.8 kB on 2026-12-05, the cost of the
 * work that took the 1000-replica rollout from 15–25 s to 4 s (bulk probe catch-up, copy-on-write
 * root filesystems, status inputs, incremental endpoints and kube-proxy) and of packing timelines
 * for the page; with a little room.
 */
export const EMBED_TOTAL_CEILING_KB = 300;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Checks a bundle report; returns `{ ok, line }` where `line` says the figures in one sentence.
 * A report without embed figures fails (an old or broken build).
 */
export function checkEmbedSize(report) {
  const e = report?.embed;
  if (!e || typeof e.mainThreadJsGzip !== "number" || typeof e.totalJsGzip !== "number")
    return { ok: false, line: "no embed figures in dist/bundle-report.json" };
  const pageOk = e.mainThreadJsGzip <= EMBED_BUDGET_KB * 1024;
  const totalOk = e.totalJsGzip <= EMBED_TOTAL_CEILING_KB * 1024;
  const line =
    `embed page JS ${kb(e.mainThreadJsGzip)} gzip (budget ${EMBED_BUDGET_KB} kB${pageOk ? "" : ": OVER"}); ` +
    `with the simulator worker ${kb(e.totalJsGzip)} (ceiling ${EMBED_TOTAL_CEILING_KB} kB${totalOk ? "" : ": OVER"}; ` +
    `target ${EMBED_BUDGET_KB} kB not met)`;
  return { ok: pageOk && totalOk, line };
}
