/**
 * kubectl's `--dry-run` flag (cmd/util/helpers.go `AddDryRunFlag`, `GetDryRunStrategy`,
 * `PrintFlagsWithDryRunStrategy`): `client` sends nothing, `server` sends the request with
 * `dryRun=All` (validated, defaulted, admitted, not persisted), `none` is a normal request.
 */
import type { FlagSpec } from "./args.ts";
import type { Invocation } from "./context.ts";
import { clientError } from "./errors.ts";

/** What `--dry-run` asks for. */
export type DryRunStrategy = "none" | "client" | "server";

/** The `--dry-run` flag; written without a value it reads `unchanged` (pflag's `NoOptDefVal`). */
export const DRY_RUN_FLAG: FlagSpec = { name: "dry-run", kind: "string", noOptDefault: "unchanged" };

/** The process id kubectl's klog lines show; any fixed number will do in a simulation. */
const KUBECTL_PID = 4242;

/**
 * A klog warning line as kubectl writes it to stderr: `Wmmdd hh:mm:ss.uuuuuu PID file:line] msg`
 * (klog's text header; the time is the virtual clock's, in UTC).
 */
export function klogWarning(nowEpochMs: number, fileLine: string, message: string): string {
  const d = new Date(nowEpochMs);
  const two = (n: number) => String(n).padStart(2, "0");
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, "0");
  const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`;
  return `W${stamp} ${String(KUBECTL_PID).padStart(7)} ${fileLine}] ${message}\n`;
}

/** Where kubectl v1.34 logs the deprecation warnings from (`GetDryRunStrategy`). */
const HELPERS_LINE = "helpers.go:704";

/**
 * `GetDryRunStrategy`: `client`, `server`, `none`; the bare flag and the old boolean values still
 * work with a deprecation warning on stderr; anything else is an error.
 */
export function dryRunStrategy(inv: Invocation): DryRunStrategy {
  const value = inv.flags.string("dry-run") ?? "none";
  const warn = (message: string) => inv.out.err(klogWarning(inv.now(), HELPERS_LINE, message));
  switch (value) {
    case "client":
    case "server":
    case "none":
      return value;
    case "unchanged":
      warn("--dry-run is deprecated and can be replaced with --dry-run=client.");
      return "client";
  }
  // Why (helpers.go): strconv.ParseBool's spellings are the deprecated boolean form.
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) {
    warn(`--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=client.`);
    return "client";
  }
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) {
    warn(`--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=none.`);
    return "none";
  }
  throw clientError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** `PrintFlagsWithDryRunStrategy`: what follows the operation (`created (dry run)`). */
export function dryRunSuffix(strategy: DryRunStrategy): string {
  if (strategy === "client") return " (dry run)";
  if (strategy === "server") return " (server dry run)";
  return "";
}
