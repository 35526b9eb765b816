/**
 * `npm run bench`: how fast the simulator runs. Prints virtual-ms per wall-ms for the tutorial's
 * three demos over 10 virtual minutes, for 200 pods with probes over 30 virtual minutes (also 50
 * and 100 pods, to show how cost grows), and for a 1000-replica Deployment rolled once (5000 with
 * `npm run bench -- --large`), then how long the playground's timeline of that run takes to build
 * and how many bytes it is packed into for the page. A benchmark, not a test: it reports, never fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serialize, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createSimulation, type Simulation } from "../src/sim/index.ts";
import { packTimeline } from "../src/worker/timeline-transfer.ts";

// Why: the heap a run keeps is what is left after a full collection, not what happens to be
// allocated when it ends (garbage included).
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

const root = join(import.meta.dirname, "..");

function demo(name: string): string {
  return readFileSync(join(root, "src/sim/golden/cases", name, "scenario.yaml"), "utf8");
}

/** N pods with startup, liveness and readiness probes and a preStop sleep. */
function manyPods(n: number): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: web-${i}
  labels: {app: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports: [{containerPort: 80}]
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
    lifecycle: {preStop: {sleep: {seconds: 5}}}`);
  }
  docs.push(`apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata: {name: many}
spec:
  seed: 7
  nodes: [{name: node-1}, {name: node-2}, {name: node-3}, {name: node-4}]`);
  return docs.join("\n---\n");
}

/**
 * A Deployment of `n` nginx replicas with probes and a preStop sleep behind a Service taking 50
 * requests a second, rolled once at 2 minutes.
 */
function rollout(n: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${n}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80}]
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
        livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
        lifecycle: {preStop: {sleep: {seconds: 5}}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata: {name: rollout-${n}}
spec:
  seed: 7
  nodes: [${Array.from({ length: Math.max(1, Math.ceil(n / 100)) }, (_, i) => `{name: node-${i + 1}}`).join(", ")}]
  traffic: [{service: web, rps: 50}]
  timeline:
  - at: 2m
    run: kubectl set image deployment/web nginx=nginx:1.28`;
}

/**
 * What the playground does next with a run: builds its timeline and packs it for the page (the
 * worker posts it). Prints how long each takes and how many bytes cross.
 */
function measureTimeline(sim: Simulation): string {
  const t0 = performance.now();
  const timeline = sim.timeline();
  const t1 = performance.now();
  const bytes = serialize(packTimeline(timeline)).length;
  const t2 = performance.now();
  return `timeline built in ${(t1 - t0).toFixed(0)} ms, packed in ${(t2 - t1).toFixed(0)} ms to ${(bytes / 1e6).toFixed(1)} MB`;
}

function measure(label: string, text: string, untilMs: number, repeat = 3, timeline = false): void {
  let best = Number.POSITIVE_INFINITY;
  let bestCpu = 0;
  let events = 0;
  let kept = 0;
  let after = "";
  for (let r = 0; r < repeat; r++) {
    collect();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const sim = createSimulation(text);
    if (!sim.ok) throw new Error(`${label}: ${JSON.stringify(sim.diagnostics)}`);
    sim.simulation.runUntil(untilMs);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    events = sim.simulation.cluster.recorder.occurrences.length;
    if (wall < best) {
      best = wall;
      bestCpu = (cpu.user + cpu.system) / 1000;
    }
    collect();
    kept = process.memoryUsage().heapUsed / 1024 / 1024;
    // Why: the simulation must still be alive when the heap is measured.
    if (sim.simulation.cluster.clock.now() !== untilMs) throw new Error(`${label}: stopped early`);
    if (timeline && r === repeat - 1) after = measureTimeline(sim.simulation);
  }
  console.log(
    `${label.padEnd(34)} ${String(untilMs / 60000).padStart(3)} virtual min in ${best.toFixed(1).padStart(8)} ms wall` +
      ` (${bestCpu.toFixed(0)} ms CPU)  = ${Math.round(untilMs / best)
        .toLocaleString("en-US")
        .padStart(9)} virtual-ms per wall-ms  (${events} events, heap after GC ${kept.toFixed(0)} MB)`,
  );
  if (after) console.log(`${"".padEnd(34)} then ${after}`);
}

console.log("podlife bench (best of 3; demos best of 10, as a warm worker runs them)");
for (const d of ["demo-init-pod", "demo-gracestop", "demo-liveness-exec"]) measure(d, demo(d), 600_000, 10);
for (const n of [50, 100, 200]) measure(`${n} pods with probes`, manyPods(n), 1_800_000, n === 200 ? 2 : 3);
// Workloads (issue 5): a rolled Deployment. `--large` adds 5000 replicas to show how cost grows.
measure("Deployment 1000 replicas, rolled", rollout(1000), 1_800_000, 3, true);
if (process.argv.includes("--large"))
  measure("Deployment 5000 replicas, rolled", rollout(5000), 1_800_000, 1, true);
