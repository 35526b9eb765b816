/**
 * Golden timelines: each case folder holds `scenario.yaml` and `script.txt` (`<at> <command>`
 * lines, as `podlife replay` reads them); the normalised timeline and command output must equal
 * `golden.json`. Regenerate with `npm run golden:update`, then review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScript } from "../../cli/script.ts";
import { createSimulation } from "../index.ts";
import { normalise } from "./normalise.ts";

/**
 * Golden cases: the tutorial's demos here, plus every conformance case (conformance/cases), whose
 * golden.json sits beside its check.
 */
const caseDirs = [
  join(import.meta.dirname, "cases"),
  join(import.meta.dirname, "../../../conformance/cases"),
].flatMap((root) =>
  readdirSync(root)
    .sort()
    .map((name) => ({ name, dir: join(root, name) })),
);
const update = process.env.UPDATE_GOLDEN === "1";

describe("golden timelines", () => {
  for (const { name, dir } of caseDirs) {
    it(name, { timeout: 60_000 }, () => {
      const text = readFileSync(join(dir, "scenario.yaml"), "utf8");
      const script = parseScript(readFileSync(join(dir, "script.txt"), "utf8"));
      if (!script.ok) throw new Error(script.error);
      const created = createSimulation(text);
      if (!created.ok) throw new Error(JSON.stringify(created.diagnostics));
      const sim = created.simulation;
      let prevEnd = 0;
      const records = [];
      for (const line of script.lines) {
        sim.runUntil(Math.max(line.relative ? prevEnd + line.ms : line.ms, sim.nowMs));
        const rec = sim.run(line.command);
        prevEnd = rec.endMs;
        records.push(rec);
      }
      const actual = normalise(sim.timeline(), records);
      const file = join(dir, "golden.json");
      const text2 = `${JSON.stringify(actual, null, 1)}\n`;
      if (update || !existsSync(file)) {
        writeFileSync(file, text2);
        return;
      }
      expect(JSON.parse(text2)).toEqual(JSON.parse(readFileSync(file, "utf8")));
    });
  }
});
