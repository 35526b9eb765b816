/**
 * The `podlife` command line: `replay`, `kubectl`, `run --stats` and `render`, as DESIGN.md's CLI
 * contract specifies. Bad input exits non-zero with a message naming the document, line and column
 * (YAML) or field path (schema) — never a stack trace.
 */
import { readFileSync } from "node:fs";
import type { Readable, Writable } from "node:stream";
import { parseDuration } from "../sim/scenario/duration.ts";
import type { Simulation } from "../sim/simulation.ts";
import { parseScript } from "./script.ts";
import { trafficReport } from "./traffic.ts";

/** Process streams, injectable for tests. */
export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const VERSION = "0.1.0";

const HELP = `podlife — what Kubernetes does with a Pod, second by second, in virtual time.

Usage:
  podlife replay -f SCENARIO.yaml [--seed N] [--jsonl]      run a script of "<at> <command>" lines from stdin
  podlife kubectl -f SCENARIO.yaml --at 90s [--seed N] -- ARGS...   run one kubectl command at a virtual time
  podlife run -f SCENARIO.yaml [--until 10m] [--seed N] --stats     simulate and print figures as one JSON line
  podlife render -f SCENARIO.yaml [--until 5m] [--seed N] -o OUT.svg  draw the swimlanes as a standalone SVG

Options:
  -f, --file FILE   the scenario (Kubernetes YAML plus an optional podlife.dev/v1alpha1 Scenario document)
  --seed N          overrides the Scenario document's seed
  -h, --help        this help
  -v, --version     the version
`;

class UsageError extends Error {}

interface Flags {
  file?: string;
  seed?: number;
  jsonl: boolean;
  at?: string;
  until?: string;
  out?: string;
  stats: boolean;
  rest: string[];
}

function parseFlags(args: string[]): Flags {
  const f: Flags = { jsonl: false, stats: false, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [name, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`flag ${name} needs a value`);
      return v;
    };
    switch (name) {
      case "--":
        f.rest = args.slice(i + 1);
        return f;
      case "-f":
      case "--file":
      case "--filename":
        f.file = value();
        break;
      case "--seed": {
        const v = value();
        if (!/^\d+$/.test(v))
          throw new UsageError(`--seed must be a non-negative integer, got ${JSON.stringify(v)}`);
        f.seed = Number(v);
        break;
      }
      case "--jsonl":
        f.jsonl = true;
        break;
      case "--stats":
        f.stats = true;
        break;
      case "--at":
        f.at = value();
        break;
      case "--until":
        f.until = value();
        break;
      case "-o":
      case "--output":
        f.out = value();
        break;
      default:
        if (a.startsWith("-")) throw new UsageError(`unknown flag ${a}`);
        f.rest.push(a);
    }
  }
  return f;
}

/** Reads and loads the scenario; the simulator is imported on demand (`--help` stays instant). */
async function load(f: Flags, io: Io): Promise<Simulation | undefined> {
  if (!f.file) throw new UsageError("missing -f SCENARIO.yaml");
  let text: string;
  try {
    text = f.file === "-" ? readFileSync(0, "utf8") : readFileSync(f.file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr.write(
      `error: cannot read ${f.file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message}\n`,
    );
    return undefined;
  }
  const { createSimulation } = await import("../sim/index.ts");
  const { formatDiagnostics } = await import("../sim/scenario/format.ts");
  const r = createSimulation(text, { ...(f.seed !== undefined ? { seed: f.seed } : {}), fileName: f.file });
  if (!r.ok) {
    io.stderr.write(formatDiagnostics(r.diagnostics, f.file));
    return undefined;
  }
  return r.simulation;
}

function durationFlag(text: string | undefined, name: string, dflt: number): number {
  if (text === undefined) return dflt;
  const ms = parseDuration(text);
  if (ms === undefined)
    throw new UsageError(
      `${name}: invalid duration ${JSON.stringify(text)} (use e.g. 90s, 1m30s, 1500ms, 2h)`,
    );
  return ms;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

function runScriptCommand(sim: Simulation, command: string) {
  const trimmed = command.trim();
  if (/^podlife\s+traffic\b/.test(trimmed)) {
    const at = sim.nowMs;
    return { ...trafficReport(sim, trimmed), atMs: at, endMs: sim.nowMs };
  }
  return sim.run(trimmed);
}

async function replay(f: Flags, io: Io): Promise<number> {
  const sim = await load(f, io);
  if (!sim) return 1;
  const script = parseScript(await readAll(io.stdin));
  if (!script.ok) {
    io.stderr.write(`error: ${script.error}\n`);
    return 1;
  }
  let prevEnd = 0;
  for (const line of script.lines) {
    const target = line.relative ? prevEnd + line.ms : line.ms;
    sim.runUntil(Math.max(target, sim.nowMs));
    const rec = runScriptCommand(sim, line.command);
    prevEnd = rec.endMs;
    if (f.jsonl) {
      io.stdout.write(
        `${JSON.stringify({ at: line.at, atMs: rec.atMs, endMs: rec.endMs, command: line.command, exitCode: rec.exitCode, stdout: rec.stdout, stderr: rec.stderr })}\n`,
      );
    } else {
      io.stdout.write(`[${formatClock(rec.atMs)}] $ ${line.command}\n${rec.stdout}${rec.stderr}`);
      if (rec.exitCode !== 0) io.stdout.write(`(exit ${rec.exitCode})\n`);
    }
  }
  return 0;
}

/** `1m30.5s` style time for transcripts. */
function formatClock(ms: number): string {
  const m = Math.floor(ms / 60000);
  const s = (ms % 60000) / 1000;
  const sText = Number.isInteger(s) ? String(s) : s.toFixed(3).replace(/0+$/, "");
  return m > 0 ? `${m}m${sText}s` : `${sText}s`;
}

async function kubectlOnce(f: Flags, io: Io): Promise<number> {
  const at = durationFlag(f.at ?? "0s", "--at", 0);
  const sim = await load(f, io);
  if (!sim) return 1;
  if (f.rest.length === 0) throw new UsageError("missing kubectl arguments after --");
  sim.runUntil(at);
  const args = f.rest[0] === "kubectl" ? f.rest.slice(1) : f.rest;
  const rec = sim.run(["kubectl", ...args].map(shellQuote).join(" "));
  io.stdout.write(rec.stdout);
  io.stderr.write(rec.stderr);
  return rec.exitCode;
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

async function run(f: Flags, io: Io): Promise<number> {
  const until = durationFlag(f.until, "--until", 600_000);
  const wallStart = performance.now();
  const sim = await load(f, io);
  if (!sim) return 1;
  sim.runUntil(until);
  const wallMs = Math.round((performance.now() - wallStart) * 10) / 10;
  const t = sim.timeline(until);
  const stats = {
    virtualMs: until,
    wallMs,
    events: sim.cluster.recorder.occurrences.length,
    pods: t.pods.length,
    containers: t.pods.reduce(
      (n, p) => n + p.containers.reduce((m, c) => m + c.spans.filter((s) => s.kind === "running").length, 0),
      0,
    ),
  };
  if (f.stats) io.stdout.write(`${JSON.stringify(stats)}\n`);
  else io.stdout.write(`simulated ${formatClock(until)}: ${stats.pods} pods, ${stats.events} events\n`);
  return 0;
}

async function render(f: Flags, io: Io): Promise<number> {
  if (!f.out) throw new UsageError("missing -o OUT.svg");
  const flagged = f.until === undefined ? undefined : durationFlag(f.until, "--until", 300_000);
  const sim = await load(f, io);
  if (!sim) return 1;
  const until = flagged ?? sim.scenario.settings.durationMs ?? 300_000;
  sim.runUntil(until);
  // Loaded on demand: the drawing code is only needed by this subcommand.
  const { renderSvgFile } = await import("./render.ts");
  renderSvgFile(sim.timeline(until), f.out);
  return 0;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [sub, ...args] = argv;
  try {
    switch (sub) {
      case undefined:
      case "-h":
      case "--help":
      case "help":
        io.stdout.write(HELP);
        return sub === undefined ? 2 : 0;
      case "-v":
      case "--version":
      case "version":
        io.stdout.write(`podlife ${VERSION} (emulates Kubernetes v1.34)\n`);
        return 0;
      case "replay":
        return await replay(parseFlags(args), io);
      case "kubectl":
        return await kubectlOnce(parseFlags(args), io);
      case "run":
        return await run(parseFlags(args), io);
      case "render":
        return await render(parseFlags(args), io);
      default:
        throw new UsageError(`unknown command ${JSON.stringify(sub)}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`error: ${e.message}\nRun 'podlife --help' for usage.\n`);
      return 2;
    }
    // Never a stack trace: an internal error is reported in one line.
    io.stderr.write(`podlife: internal error: ${(e as Error).message}\n`);
    return 70;
  }
}
