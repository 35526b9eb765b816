import { describe, expect, it } from "vitest";
import { simulate, type Timeline } from "../../sim/index.ts";
import { WHY_CODES } from "../../sim/timeline/reasons.ts";
import { detailsLanguage, ENGLISH, VIEW_CODES } from "../../viz/details-text.ts";
import { describeItem, itemId } from "../../viz/items.ts";
import { workloadItemId } from "../../viz/workload-items.ts";
import { EXAMPLES } from "../examples.ts";
import { DETAILS_ZH, VIEW_ZH, WHY_ZH } from "./why-zh.ts";

/** Stands for any values a sentence names: every one reads as "7". */
const ANY_ARGS = new Proxy({}, { get: () => "7" });

const CJK = /[\u4e00-\u9fff]/;

/** Three English words in a row: what is left of an untranslated sentence. */
const ENGLISH_WORDS = /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/;

/** What may stay as it is: commands in backquotes, Kubernetes' own messages in “”, a probe's output. */
const verbatim = (text: string) =>
  text
    .replace(/`[^`]*`/g, "")
    .replace(/“[^”]*”/g, "")
    .replace(/^输出：.*/s, "");

describe("the Chinese details catalog", () => {
  it("has a sentence for every code of the simulator and of the view", () => {
    const missing = [
      ...WHY_CODES.filter((c) => !(c in WHY_ZH)),
      ...VIEW_CODES.filter((c) => !(c in VIEW_ZH)),
    ];
    expect(missing).toEqual([]);
    expect(Object.keys(WHY_ZH).sort()).toEqual([...WHY_CODES].sort());
    expect(Object.keys(VIEW_ZH).sort()).toEqual([...VIEW_CODES].sort());
  });

  it("writes every why sentence and fact in Chinese", () => {
    for (const code of WHY_CODES) {
      const text = (WHY_ZH[code] as (a: unknown) => string)(ANY_ARGS);
      expect(text, code).toMatch(CJK);
      expect(verbatim(text), code).not.toMatch(ENGLISH_WORDS);
    }
    for (const code of VIEW_CODES.filter((c) => !c.startsWith("heading."))) {
      const text = (VIEW_ZH[code] as (a: unknown) => string)(ANY_ARGS);
      expect(text, code).toMatch(CJK);
      expect(verbatim(text), code).not.toMatch(ENGLISH_WORDS);
    }
  });

  it("falls back to the English for a code it lacks, or one it cannot render", () => {
    const bare = detailsLanguage({}, {});
    const item = { why: "Started in spec order.", whyCode: "start.specOrder" as const };
    expect(bare.why(item)).toBe("Started in spec order.");
    expect(bare.text("fact.took", { duration: "1s" })).toBe("took 1s");
    const broken = detailsLanguage(
      {
        "start.specOrder": () => "",
        "backoff.crashLoop": () => {
          throw new Error("no values");
        },
      },
      {},
    );
    expect(broken.why(item)).toBe("Started in spec order.");
    expect(broken.why({ why: "CrashLoopBackOff: …", whyCode: "backoff.crashLoop" })).toBe(
      "CrashLoopBackOff: …",
    );
    expect(DETAILS_ZH.why({ why: "An older sentence." })).toBe("An older sentence.");
    expect(DETAILS_ZH.why(item)).toBe("按 spec 中的顺序启动。");
  });
});

/** Every item a timeline draws, by id (probe attempts and seconds of traffic capped). */
function itemIds(t: Timeline): string[] {
  const ids: string[] = [];
  const each = (n: number, id: (i: number) => string) => {
    for (let i = 0; i < n; i++) ids.push(id(i));
  };
  t.pods.forEach((p, pi) => {
    p.containers.forEach((c, ci) => {
      each(c.spans.length, (i) => itemId.span(pi, ci, i));
      each(c.marks.length, (i) => itemId.mark(pi, ci, i));
      c.probes.forEach((pr, pri) => {
        each(Math.min(30, pr.attempts.length), (i) => itemId.probe(pi, ci, pri, i));
      });
    });
    p.lanes.forEach((l, li) => {
      each(l.spans.length, (i) => itemId.podLane(pi, li, i));
    });
  });
  t.deployments?.forEach((d, di) => {
    d.replicaSets.forEach((rs, ri) => {
      each(rs.counts.length, (i) => workloadItemId.replicas(di, ri, i));
    });
    each(d.steps.length, (i) => workloadItemId.step(di, i));
    each(d.conditions?.length ?? 0, (i) => workloadItemId.condition(di, i));
  });
  t.services?.forEach((s, si) => {
    each(Math.min(60, s.okPerSecond.length), (i) => workloadItemId.second(si, i));
    each(s.failures.length, (i) => workloadItemId.failure(si, i));
  });
  return ids;
}

describe("gallery timelines in Chinese", () => {
  for (const name of ["liveness-exec", "gracestop", "rollout-no-prestop"]) {
    it(`${name}: no English why sentence, heading or fact`, () => {
      const example = EXAMPLES.find((e) => e.id === name)!;
      const r = simulate(example.text);
      if (!r.ok) throw new Error(`${name} did not load`);
      const ids = itemIds(r.timeline);
      let coded = 0;
      for (const id of ids) {
        const en = describeItem(r.timeline, id, ENGLISH)!;
        const zh = describeItem(r.timeline, id, DETAILS_ZH)!;
        expect(zh.why, id).toMatch(CJK);
        expect(zh.why, id).not.toBe(en.why);
        for (const text of [zh.why, ...zh.facts]) expect(verbatim(text), id).not.toMatch(ENGLISH_WORDS);
        expect(zh.heading, id).not.toMatch(/ (of|ok|probe|failed|ready) /);
        if (en.why !== en.heading) coded++;
      }
      expect(coded).toBeGreaterThan(10);
    });
  }
});
