/**
 * A kubectl console: each command runs in the simulator worker against the scenario simulated up to
 * the playhead. Up and Down walk the history; `clear` empties the screen.
 */
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { formatVirtualTime } from "../viz/time-format.ts";
import { useMessages } from "./i18n/i18n.tsx";
import type { KubectlCommandReply } from "./sim-client.ts";

interface Entry {
  id: number;
  line: string;
  atMs: number;
  endMs?: number;
  stdout: string;
  stderr: string;
  exitCode?: number;
  pending: boolean;
  /** Set when the command was added to the scenario's timeline (or why it could not be). */
  recorded?: string;
}

export interface KubectlConsoleProps {
  playheadMs: number;
  run: (atMs: number, line: string) => Promise<KubectlCommandReply>;
  /**
   * Adds an action to the scenario's timeline; resolves to undefined when done, or to why not.
   * Without it the console only looks and never records.
   */
  record?: (atMs: number, line: string) => Promise<string | undefined>;
}

/** Commands that change the cluster: recorded in the scenario so the run replays and is shared. */
const ACTIONS = new Set([
  "delete",
  "exec",
  "set",
  "scale",
  "rollout",
  "apply",
  "create",
  "label",
  "annotate",
  "patch",
  "cordon",
  "uncordon",
  "drain",
]);

/** Whether a `kubectl …` line is an action (changes the cluster) rather than a look. */
export function isAction(line: string): boolean {
  const words = line.trim().split(/\s+/).slice(1);
  // Global flags come before the verb; some take the next word as their value.
  const valued = new Set([
    "-n",
    "--namespace",
    "--context",
    "--cluster",
    "--user",
    "-s",
    "--server",
    "--kubeconfig",
  ]);
  let i = 0;
  while (i < words.length && words[i]!.startsWith("-")) i += valued.has(words[i]!) ? 2 : 1;
  const verb = words[i];
  if (verb === "rollout") {
    const sub = words[words.indexOf(verb) + 1];
    return sub === "restart" || sub === "undo" || sub === "pause" || sub === "resume";
  }
  return verb !== undefined && ACTIONS.has(verb);
}

/** Adds the `kubectl` a user may leave out. */
export function normalizeCommand(input: string): string {
  const t = input.trim();
  return t === "kubectl" || t.startsWith("kubectl ") ? t : `kubectl ${t}`;
}

export function KubectlConsole({ playheadMs, run, record }: KubectlConsoleProps) {
  const m = useMessages();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [recording, setRecording] = useState(true);
  const [input, setInput] = useState("");
  const history = useRef<string[]>([]);
  const historyAt = useRef(0);
  const nextId = useRef(1);
  const screenRef = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the entries change
  useEffect(() => {
    const el = screenRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const raw = input.trim();
    if (!raw) return;
    setInput("");
    history.current.push(raw);
    historyAt.current = history.current.length;
    if (raw === "clear") {
      setEntries([]);
      return;
    }
    const line = normalizeCommand(raw);
    const id = nextId.current++;
    const atMs = Math.round(playheadMs);
    setEntries((es) => [...es, { id, line, atMs, stdout: "", stderr: "", pending: true }]);
    const settle = (patch: Partial<Entry>) =>
      setEntries((es) => es.map((x) => (x.id === id ? { ...x, ...patch, pending: false } : x)));
    run(atMs, line).then(
      async (reply) => {
        if (reply.type === "kubectl-result") {
          let recorded: string | undefined;
          if (record && recording && reply.exitCode === 0 && isAction(line)) {
            const why = await record(atMs, line).catch((e: unknown) => String(e));
            recorded = why
              ? `not added to the scenario: ${why}`
              : `added to the scenario's timeline at ${formatVirtualTime(atMs)}`;
          }
          settle({
            stdout: reply.stdout,
            stderr: reply.stderr,
            exitCode: reply.exitCode,
            endMs: reply.endMs,
            ...(recorded ? { recorded } : {}),
          });
        } else {
          const text = reply.diagnostics.map((d) => d.message).join("\n");
          settle({ stderr: `error: the scenario cannot be simulated: ${text}\n`, exitCode: 1 });
        }
      },
      (err: unknown) =>
        settle({ stderr: `error: ${err instanceof Error ? err.message : String(err)}\n`, exitCode: 1 }),
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const h = history.current;
    if (e.key === "ArrowUp" && historyAt.current > 0) {
      historyAt.current--;
      setInput(h[historyAt.current] ?? "");
      e.preventDefault();
    } else if (e.key === "ArrowDown" && historyAt.current < h.length) {
      historyAt.current++;
      setInput(h[historyAt.current] ?? "");
      e.preventDefault();
    }
  };

  return (
    <div className="console" data-testid="console">
      <div
        className="console-screen"
        ref={screenRef}
        role="log"
        aria-live="polite"
        aria-label={m.consoleOutput}
      >
        {entries.length === 0 && (
          <p className="console-hint">
            {m.consoleHint} <code>get pods</code>, <code>describe pod NAME</code>, <code>logs NAME</code>,{" "}
            <code>exec NAME -- ls /</code>, <code>delete pod NAME</code>.
          </p>
        )}
        {entries.map((x) => (
          <div key={x.id} className="console-entry" data-testid="console-entry">
            <div className="console-prompt">
              <span className="console-at">[{formatVirtualTime(x.atMs)}]</span> $ {x.line}
            </div>
            {x.pending && <div className="console-pending">…</div>}
            {x.stdout && (
              <pre className="console-stdout" data-testid="console-stdout">
                {x.stdout}
              </pre>
            )}
            {x.stderr && (
              <pre className="console-stderr" data-testid="console-stderr">
                {x.stderr}
              </pre>
            )}
            {x.endMs !== undefined && x.endMs > x.atMs && (
              <div className="console-note">took {formatVirtualTime(x.endMs - x.atMs)} of virtual time</div>
            )}
            {x.recorded && (
              <div className="console-note" data-testid="console-recorded">
                {x.recorded}
              </div>
            )}
            {x.exitCode !== undefined && x.exitCode !== 0 && (
              <div className="console-note" data-testid="console-exit">
                exit code {x.exitCode}
              </div>
            )}
          </div>
        ))}
      </div>
      <form className="console-input" onSubmit={submit}>
        <label htmlFor="kubectl-input">$ kubectl</label>
        <input
          id="kubectl-input"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="get pods"
          autoComplete="off"
          spellCheck={false}
          className="console-field"
          data-testid="console-input"
        />
        {record && (
          <label className="console-record" title={m.recordActionsTitle}>
            <input
              type="checkbox"
              checked={recording}
              onChange={(e) => setRecording(e.target.checked)}
              data-testid="console-record"
            />{" "}
            {m.recordActions}
          </label>
        )}
      </form>
    </div>
  );
}
