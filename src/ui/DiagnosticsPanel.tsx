/** The list of problems the simulator found in the scenario, each linked to its place in the text. */
import type { Diagnostic } from "../sim/index.ts";
import type { Messages } from "./i18n/en.ts";
import { useMessages } from "./i18n/i18n.tsx";

export interface DiagnosticsPanelProps {
  diagnostics: Diagnostic[];
  /** Called when a diagnostic with a position is chosen (to reveal it in the editor). */
  onSelect?: (d: Diagnostic) => void;
}

function where(d: Diagnostic, m: Messages): string {
  const parts: string[] = [];
  if (d.line !== undefined) parts.push(`${d.line}:${d.column ?? 1}`);
  else parts.push(m.problemDocument(d.document));
  if (d.path) parts.push(d.path);
  return parts.join(" ");
}

export function DiagnosticsPanel({ diagnostics, onSelect }: DiagnosticsPanelProps) {
  const m = useMessages();
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return (
    <section className="diagnostics" data-testid="diagnostics" aria-label={m.problems}>
      <header className="panel-title">
        {m.problems}
        <span className="count" data-testid="diagnostics-count">
          {diagnostics.length === 0 ? m.problemsNone : m.problemsCount(errors, warnings)}
        </span>
      </header>
      {diagnostics.length > 0 && (
        <ul>
          {diagnostics.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no identity beyond their order
            <li key={i} className={`diagnostic ${d.severity}`} data-testid="diagnostic">
              <button
                type="button"
                disabled={!onSelect || d.line === undefined}
                onClick={() => onSelect?.(d)}
              >
                <span className="severity">{m.problemSeverity(d.severity)}</span>
                <span className="where">{where(d, m)}</span>
                <span className="message">{d.message}</span>
                {d.hint && <span className="hint">{d.hint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
