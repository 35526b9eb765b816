/**
 * The editor's compare controls: a "Compare" button that copies the scenario into a second
 * variant, then A/B tabs to edit either, each with its failed-request count, and a button to stop.
 */
import type { VariantResult } from "../worker/protocol.ts";

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
  if (!titles) {
    return (
      <div className="compare-bar">
        <button
          type="button"
          onClick={onStart}
          data-testid="compare-start"
          title="Copy this scenario into variant B and show both on one time axis"
        >
          Compare
        </button>
      </div>
    );
  }
  const failed = (label: string) => {
    const r = results?.find((v) => v.label === label);
    if (!r) return "";
    if (!r.timeline) return "errors";
    const services = r.timeline.services ?? [];
    if (!services.length) return "";
    const n = services.reduce((sum, s) => sum + s.failed, 0);
    return `${n} failed`;
  };
  return (
    <div className="compare-bar">
      <div role="tablist" aria-label="Variants" className="compare-tabs">
        {(["A", "B"] as const).map((label, i) => (
          <button
            key={label}
            type="button"
            role="tab"
            aria-selected={active === label}
            data-testid={`variant-tab-${label}`}
            onClick={() => onSwitch(label)}
            title={titles[i]}
          >
            <strong>{label}</strong> {titles[i]}
            <span className="compare-failed" data-testid={`variant-failed-${label}`}>
              {failed(label)}
            </span>
          </button>
        ))}
      </div>
      <button
        type="button"
        onClick={onStop}
        data-testid="compare-stop"
        title="Keep only the variant in the editor"
      >
        Stop comparing
      </button>
    </div>
  );
}
