/**
 * React hook for compare mode: simulates the variants in the worker whenever one changes (at
 * once, the newest texts only, like the single run: `latest-only.ts`), keeping the last results on
 * screen while new ones compute.
 */
import { useEffect, useRef, useState } from "react";
import type { CompareVariant } from "../viz/compare.ts";
import type { CompareReply, ErrorReply, VariantResult } from "../worker/protocol.ts";
import { type LatestOnly, latestOnly } from "./latest-only.ts";
import type { SimulationHandle } from "./use-simulation.ts";

/** A variant as the editor holds it. */
export interface VariantText {
  label: string;
  title: string;
  text: string;
}

/** The two variants of a compare session: `textA`, and variant B with the tabs' titles. */
export function compareVariants(
  textA: string,
  b: { text: string; titles: [string, string] } | undefined,
): VariantText[] | undefined {
  return (
    b && [
      { label: "A", title: b.titles[0], text: textA },
      { label: "B", title: b.titles[1], text: b.text },
    ]
  );
}

/** The variants simulated: drawable when every one has a timeline. */
export interface ComparisonState {
  results: VariantResult[] | undefined;
  /** The variants to draw, or undefined while any has no timeline. */
  variants: CompareVariant[] | undefined;
  busy: boolean;
}

export function useComparison(
  compare: SimulationHandle["compare"],
  variants: VariantText[] | undefined,
): ComparisonState {
  const [results, setResults] = useState<VariantResult[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const runnerRef = useRef<LatestOnly<{ label: string; text: string }[]> | null>(null);
  useEffect(() => {
    const runner = latestOnly(
      (texts: { label: string; text: string }[]) =>
        compare(texts).catch((): CompareReply | ErrorReply | undefined => undefined),
      (reply) => {
        setBusy(false);
        if (reply?.type === "compare-result") setResults(reply.variants);
      },
    );
    runnerRef.current = runner;
    return () => runner.dispose();
  }, [compare]);
  const key = variants ? JSON.stringify(variants.map((v) => [v.label, v.text])) : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the variants' texts
  useEffect(() => {
    if (!variants) {
      setResults(undefined);
      return;
    }
    setBusy(true);
    runnerRef.current?.request(variants.map(({ label, text }) => ({ label, text })));
  }, [key]);
  const drawable =
    variants && results && results.length === variants.length && results.every((r) => r.timeline)
      ? results.map((r, i) => ({ label: r.label, title: variants[i]!.title, timeline: r.timeline! }))
      : undefined;
  return { results: variants ? results : undefined, variants: drawable, busy };
}
