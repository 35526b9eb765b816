/**
 * The editor's compare controls: a "Compare" button that copies the scenario into a second
 * variant, then A/B tabs to edit either, each with its failed-request count, and a button to stop.
 */
import type { VariantResult } from "../worker/protocol.ts";
import { useMessages } from "./i18n/i18n.tsx";
import { variantSummary } from "./variant-summary.ts";

export interface CompareBarProps {
  /** The variants' titles while comparing; undefined when not. */
  titles: [string, string] | undefined;
  active: "A" | "B";
  results: VariantResult[] | undefined;
  onStart: () => void;
  onStop: () => void;
  onSwitch: (tab: "A" | "B") => void;
}

export function CompareBar({ titles, active, results, onStart, onStop, onSwitch }: CompareBarProps) {
  const m = useMessages();
  if (!titles) {
    return (
      <div className="compare-bar">
        <button
          type="button"
          className="compare-button"
          onClick={onStart}
          data-testid="compare-start"
          title={m.compareTitle}
        >
          {m.compare}
        </button>
      </div>
    );
  }
  return (
    <div className="compare-bar">
      <div role="tablist" aria-label={m.variants} className="compare-tabs">
        {(["A", "B"] as const).map((label, i) => (
          <button
            key={label}
            type="button"
            role="tab"
            className="compare-button"
            aria-selected={active === label}
            data-testid={`variant-tab-${label}`}
            onClick={() => onSwitch(label)}
            title={titles[i]}
          >
            <strong>{label}</strong> {titles[i]}
            <span className="compare-failed" data-testid={`variant-failed-${label}`}>
              {variantSummary(results, label, m)}
            </span>
          </button>
        ))}
      </div>
      <button
        type="button"
        className="compare-button"
        onClick={onStop}
        data-testid="compare-stop"
        title={m.stopComparingTitle}
      >
        {m.stopComparing}
      </button>
    </div>
  );
}
