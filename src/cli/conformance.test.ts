/**
 * The conformance cases (conformance/cases, the same format as the shared suite): each scenario is
 * replayed in-process through the CLI's `replay --jsonl`, exactly as `npx podlife replay` would,
 * and the case's own check runs over the records.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./testing/run-cli.ts";

const root = join(import.meta.dirname, "../../conformance");
const casesDir = join(root, "cases");

describe("conformance cases", () => {
  for (const name of readdirSync(casesDir).sort()) {
    it(name, async () => {
      const dir = join(casesDir, name);
      const script = readFileSync(join(dir, "script.txt"), "utf8");
      const run = await runCli(["replay", "-f", join(dir, "scenario.yaml"), "--jsonl"], script);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const records = run.stdout
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
      const want = script.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#")).length;
      expect(records).toHaveLength(want);
      const lib = await import(pathToFileURL(join(root, "lib.mjs")).href);
      const check = (await import(pathToFileURL(join(dir, "check.mjs")).href)).default;
      await check(records, lib);
    }, 60_000);
  }
});
