/**
 * React hook for compare mode: simulates the variants in the worker whenever one changes
 * (debounced like the single run), keeping the last results on screen while new ones compute.
 */
import { useEffect, useRef, useState } from "react";
import type { CompareVariant } from "../viz/compare.ts";
import type { VariantResult } from "../worker/protocol.ts";
import type { SimulationHandle } from "./use-simulation.ts";
import { SIMULATE_DEBOUNCE_MS } from "./use-simulation.ts";

/** A variant as the editor holds it. */
export interface VariantText {
  label: string;
  title: string;
  text: string;
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
  const latest = useRef(0);
  const key = variants ? JSON.stringify(variants.map((v) => [v.label, v.text])) : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the variants' texts
  useEffect(() => {
    const run = ++latest.current;
    if (!variants) {
      setResults(undefined);
      return;
    }
    const timer = setTimeout(() => {
      setBusy(true);
      compare(variants.map(({ label, text }) => ({ label, text }))).then(
        (reply) => {
          if (run !== latest.current) return;
          setBusy(false);
          if (reply.type === "compare-result") setResults(reply.variants);
        },
        () => setBusy(false),
      );
    }, SIMULATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, compare]);
  const drawable =
    variants && results && results.length === variants.length && results.every((r) => r.timeline)
      ? results.map((r, i) => ({ label: r.label, title: variants[i]!.title, timeline: r.timeline! }))
      : undefined;
  return { results: variants ? results : undefined, variants: drawable, busy };
}
