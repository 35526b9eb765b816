/**
 * A simulation of one scenario: loads the text, builds the cluster, creates the objects at time 0
 * in document order, schedules the Scenario document's timeline commands, and runs forward in
 * virtual time. Commands typed by a user (the CLI's replay script, the browser console) run through
 * the same kubectl emulator, which the caller supplies (`index.ts` in Node; the browser worker loads
 * it only when a scenario or the console needs it, to keep the simulator's download small).
 */
import { Cluster } from "./cluster/cluster.ts";
import { drive } from "./driver.ts";
import type { ApiObject, CommandResult, CommandTask } from "./kubectl/api.ts";
import type { KubectlContext } from "./kubectl/context.ts";
import type { ImageLookup } from "./kubelet/image-manager.ts";
import type { RuntimeImage } from "./runtime/cri.ts";
import { ImageCatalog, parseImageRef, registerRuntimePrograms } from "./runtime/images/index.ts";
import { installDebianBase } from "./runtime/tools/index.ts";
import { newDir } from "./runtime/vfs.ts";
import { loadScenario } from "./scenario/load.ts";
import type { Diagnostic, Scenario } from "./scenario/types.ts";
import { startTask } from "./task.ts";
import { buildTimeline } from "./timeline/build.ts";
import type { Timeline } from "./timeline/types.ts";

/** One command run and what it printed. */
export interface CommandRecord extends CommandResult {
  /** Virtual time the command started and ended. */
  atMs: number;
  endMs: number;
  command: string;
  /** Where it came from: the Scenario timeline or a user. */
  origin: "timeline" | "user";
}

/** The kubectl emulator's entry point (`runCommandLine` of `kubectl/index.ts`). */
export type CommandRunner = (
  line: string,
  cluster: Cluster,
  ctx: Pick<KubectlContext, "files" | "namespace">,
) => CommandTask<CommandResult>;

/** A loaded, running simulation. */
export class Simulation {
  readonly cluster: Cluster;
  /** Every command run so far, in start order. */
  readonly commands: CommandRecord[] = [];
  private readonly files: Record<string, string>;
  private commandRunner: CommandRunner | undefined;

  constructor(
    readonly scenario: Scenario,
    readonly text: string,
    fileName = "scenario.yaml",
    commands?: CommandRunner,
  ) {
    this.commandRunner = commands;
    const s = scenario.settings;
    const catalog = new ImageCatalog(s.images);
    const lookups = new Map<string, ImageLookup<RuntimeImage>>();
    // `kubectl apply -f` may name the scenario by the path it was opened with or by its base name.
    this.files = { [fileName]: text, [fileName.slice(fileName.lastIndexOf("/") + 1)]: text };
    this.cluster = new Cluster({
      seed: s.seed,
      epochMs: s.startTimeMs,
      nodes: s.nodes,
      endpointPropagationMs: s.endpointPropagationMs,
      traffic: s.traffic,
      lookupImage: (image) => {
        // The catalog is deterministic: resolve each reference once (digests are hashed).
        let found = lookups.get(image);
        if (!found) lookups.set(image, (found = lookupImage(catalog, image)));
        return found;
      },
      registerPrograms: (kernel) => registerRuntimePrograms(kernel, catalog),
      buildNodeRootfs: () => {
        const root = newDir();
        installDebianBase(root);
        return root;
      },
      canonicalImage: (image) => {
        const r = parseImageRef(image);
        return r.ok ? r.ref.canonical : undefined;
      },
    });
    for (const obj of scenario.objects) {
      const err = this.cluster.create(structuredClone(obj) as ApiObject);
      if (err)
        this.commands.push({
          atMs: 0,
          endMs: 0,
          command: `create ${obj.kind}/${obj.metadata.name}`,
          origin: "timeline",
          exitCode: 1,
          stdout: "",
          stderr: `${err}\n`,
        });
    }
    for (const entry of s.timeline) {
      this.cluster.clock.at(entry.atMs, () => this.runInBackground(entry.run));
    }
  }

  /** Current virtual time. */
  get nowMs(): number {
    return this.cluster.clock.now();
  }

  /** Whether the Scenario's timeline runs commands (so the kubectl emulator must be supplied). */
  get needsCommands(): boolean {
    return this.scenario.settings.timeline.length > 0;
  }

  /** Supplies the kubectl emulator (before running, when {@link needsCommands}). */
  supplyCommands(commands: CommandRunner): void {
    this.commandRunner = commands;
  }

  /**
   * Where a run stops when not told: the Scenario's `spec.duration`, else 5 minutes or a minute
   * past its last timeline command.
   */
  defaultEndMs(): number {
    const s = this.scenario.settings;
    const lastCommandMs = Math.max(0, ...s.timeline.map((t) => t.atMs));
    return s.durationMs ?? Math.max(300_000, lastCommandMs + 60_000);
  }

  /** Runs to `untilMs` (default {@link defaultEndMs}) and returns the timeline up to there. */
  runToEnd(untilMs = this.defaultEndMs()): Timeline {
    this.runUntil(untilMs);
    return this.timeline(untilMs);
  }

  /** Runs the simulation forward to `ms` (no-op when already past it). */
  runUntil(ms: number): void {
    this.cluster.clock.advanceTo(ms);
    // Why: what is read next (logs, probe attempts) includes the probes fast-forwarded past.
    this.cluster.settleProbes();
  }

  /** Runs a command line now, advancing virtual time while it waits (e.g. `kubectl delete`). */
  run(line: string): CommandRecord {
    const atMs = this.nowMs;
    const result = drive(this.cluster.clock, this.task(line), () => ({
      exitCode: 1,
      stdout: "",
      stderr: "error: timed out waiting for the condition\n",
    }));
    const rec: CommandRecord = { ...result, atMs, endMs: this.nowMs, command: line, origin: "user" };
    this.commands.push(rec);
    return rec;
  }

  private task(line: string) {
    if (!this.commandRunner) throw new Error("the kubectl emulator was not supplied to this simulation");
    return this.commandRunner(line, this.cluster, { files: this.files, namespace: "default" });
  }

  /** A Scenario timeline command: runs alongside the simulation without blocking it. */
  private runInBackground(line: string): void {
    const atMs = this.nowMs;
    const rec: CommandRecord = {
      atMs,
      endMs: atMs,
      command: line,
      origin: "timeline",
      exitCode: 0,
      stdout: "",
      stderr: "",
    };
    this.commands.push(rec);
    const clock = this.cluster.clock;
    const task = this.task(line);
    startTask(
      clock,
      (function* () {
        let r = task.next();
        while (!r.done) {
          const w = r.value;
          if (w.kind === "sleep") yield { sleep: w.ms };
          else {
            const until = w.done;
            while (!until()) yield { sleep: 100 };
          }
          r = task.next();
        }
        Object.assign(rec, r.value, { endMs: clock.now() });
      })(),
    );
  }

  /** The timeline up to `endMs` (default: now). */
  timeline(endMs = this.nowMs): Timeline {
    return buildTimeline(this.cluster, endMs);
  }
}

function lookupImage(catalog: ImageCatalog, image: string): ImageLookup<RuntimeImage> {
  const ref = parseImageRef(image);
  if (!ref.ok) return { ok: false, invalid: true, error: ref.error };
  const r = catalog.lookup(ref.ref);
  if (!r.ok) return { ok: false, error: r.error };
  const info = r.image;
  const runtimeImage: RuntimeImage = {
    id: info.id,
    repoDigest: info.repoDigest,
    canonical: info.ref.canonical,
    entrypoint: [...info.entrypoint],
    cmd: [...info.cmd],
    env: { ...info.env },
    workingDir: info.workingDir,
    stopSignal: info.stopSignal,
    buildRootfs: () => info.buildRootfs(),
  };
  return {
    ok: true,
    image: runtimeImage,
    canonical: info.ref.canonical,
    sizeBytes: info.sizeBytes,
    pullMs: info.pullMs,
  };
}

/** How to load a simulation. */
export interface LoadOptions {
  /** Overrides the Scenario document's seed. */
  seed?: number;
  /** The name `kubectl apply -f` knows the scenario by (default `scenario.yaml`). */
  fileName?: string;
  /** The kubectl emulator, for the Scenario's timeline commands and typed commands. */
  commands?: CommandRunner;
}

/**
 * Loads a scenario text into a simulation, or returns the diagnostics that stop it. Nothing runs
 * yet: a caller that did not pass `commands` may still supply them before running.
 */
export function loadSimulation(
  text: string,
  opts: LoadOptions = {},
):
  | { ok: true; simulation: Simulation; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] } {
  const loaded = loadScenario(text, opts.seed !== undefined ? { seed: opts.seed } : {});
  if (!loaded.ok) return loaded;
  return {
    ok: true,
    simulation: new Simulation(loaded.scenario, text, opts.fileName, opts.commands),
    diagnostics: loaded.scenario.diagnostics,
  };
}
