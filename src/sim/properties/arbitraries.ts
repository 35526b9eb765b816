/**
 * fast-check generators for the property tests: Pod specs built from a small vocabulary (images,
 * shell snippets, probes, hooks, grace periods, deadlines) and scripts of kubectl commands at
 * virtual times. Generated values are plain data; `scenarioText` renders them as the YAML a user
 * would write, so a failing case prints as a scenario that can be pasted into the playground.
 */
import fc from "fast-check";
import { stringify } from "yaml";

/** Images the generators pick from: three catalog images and one that does not exist. */
export const IMAGES = ["busybox:1.36", "nginx:1.27", "alpine:3.20", "registry.example.com/nope:1"] as const;

/** Shell snippets run as `sh -c SNIPPET` (or nothing: the image's own entrypoint). */
export const SNIPPETS = [
  "sleep 3",
  "sleep 20",
  "sleep 3600",
  "exit 0",
  "exit 1",
  "exit 3",
  "sleep 2; exit 0",
  "sleep 5; exit 1",
  "sleep 12; exit 2",
  "trap 'exit 0' TERM; while true; do sleep 1; done",
  "trap 'echo bye; exit 3' TERM; sleep 3600",
  "trap '' TERM; while true; do sleep 1; done",
  "while true; do echo tick >> /tmp/log; sleep 2; done",
  "echo ready > /tmp/ready; sleep 3600",
  "touch /tmp/healthy; sleep 15; rm -f /tmp/healthy; sleep 3600",
  "for i in 1 2 3; do echo $i; sleep 1; done",
  "for i in 1 2 3; do echo $i; sleep 1; done; exit 1",
  "while true; do :; done",
] as const;

/** Init-container snippets: mostly finite, some failing, one that never ends. */
export const INIT_SNIPPETS = [
  "exit 0",
  "sleep 1",
  "sleep 4; exit 0",
  "echo done > /tmp/init; exit 0",
  "exit 1",
  "sleep 2; exit 1",
  "sleep 3600",
] as const;

/** A generated probe. */
export interface GenProbe {
  handler:
    | { exec: { command: string[] } }
    | { httpGet: { path: string; port: number } }
    | { tcpSocket: { port: number } };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  successThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

/** A generated lifecycle handler. */
export type GenHandler = { sleep: { seconds: number } } | { exec: { command: string[] } };

/** A generated container: `snippet` undefined means the image's own entrypoint and command. */
export interface GenContainer {
  image: string;
  snippet?: string;
  livenessProbe?: GenProbe;
  readinessProbe?: GenProbe;
  startupProbe?: GenProbe;
  preStop?: GenHandler;
  postStart?: GenHandler;
}

/** An init container: a sidecar when `sidecar` is true. */
export interface GenInit extends GenContainer {
  sidecar: boolean;
}

/** A generated Pod. */
export interface GenPod {
  initContainers: GenInit[];
  containers: GenContainer[];
  restartPolicy?: "Always" | "OnFailure" | "Never";
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
}

/** A kubectl command, kept structured so the checks know what it asked for. */
export type GenCommand =
  | { kind: "get"; output?: "wide" | "json" | "yaml" | "name"; pod?: number }
  | { kind: "describe"; pod: number }
  | { kind: "events" }
  | { kind: "logs"; pod: number; container: number; previous: boolean }
  | { kind: "exec"; pod: number; container: number; argv: string }
  | {
      kind: "delete";
      pod: number;
      gracePeriod?: number;
      force: boolean;
      wait: boolean;
      now: boolean;
    }
  | { kind: "apply" };

/** A command at a virtual time (seconds since the start). */
export interface GenStep {
  atSeconds: number;
  command: GenCommand;
}

/** A whole generated case. */
export interface GenScenario {
  pods: GenPod[];
  /** Typed by the user (the replay script), in time order. */
  script: GenStep[];
  /** Run from the Scenario document's own `spec.timeline`. */
  documentTimeline: GenStep[];
  seed: number;
  /** How far to simulate (virtual seconds). */
  horizonSeconds: number;
}

/** The name of pod `i`. */
export const podName = (i: number): string => `p${i}`;
/** Names of a pod's containers, init containers first (the order of the timeline's tracks). */
export function containerNames(pod: GenPod): string[] {
  return [
    ...pod.initContainers.map((c, i) => (c.sidecar ? `side${i}` : `init${i}`)),
    ...pod.containers.map((_, i) => `c${i}`),
  ];
}

const small = (min: number, max: number) => fc.integer({ min, max });
const opt = <T>(a: fc.Arbitrary<T>, freq = 1) =>
  fc.option(a, { nil: undefined, freq }) as fc.Arbitrary<T | undefined>;

const probeHandler: fc.Arbitrary<GenProbe["handler"]> = fc.oneof(
  fc
    .constantFrom(
      ["cat", "/tmp/healthy"],
      ["true"],
      ["false"],
      ["sleep", "5"],
      ["test", "-f", "/tmp/ready"],
      ["sh", "-c", "exit 1"],
    )
    .map((command) => ({ exec: { command: [...command] } })),
  fc
    .record({ path: fc.constantFrom("/", "/healthz"), port: fc.constantFrom(80, 8080) })
    .map((h) => ({ httpGet: h })),
  fc.constantFrom(80, 8080).map((port) => ({ tcpSocket: { port } })),
);

/** A probe; `withGrace` allows a probe-level terminationGracePeriodSeconds (liveness/startup). */
export function probe(kind: "liveness" | "readiness" | "startup"): fc.Arbitrary<GenProbe> {
  return fc.record(
    {
      handler: probeHandler,
      initialDelaySeconds: opt(small(0, 10)),
      periodSeconds: opt(small(1, 10)),
      timeoutSeconds: opt(small(1, 3)),
      failureThreshold: opt(small(1, 4)),
      successThreshold: kind === "readiness" ? opt(small(1, 3)) : fc.constant(undefined),
      terminationGracePeriodSeconds: kind === "readiness" ? fc.constant(undefined) : opt(small(1, 10), 3),
    },
    { requiredKeys: ["handler"] },
  );
}

const hook: fc.Arbitrary<GenHandler> = fc.oneof(
  small(0, 8).map((seconds) => ({ sleep: { seconds } })),
  fc
    .constantFrom(
      ["sh", "-c", "sleep 2"],
      ["sh", "-c", "sleep 40"],
      ["sh", "-c", "echo hook >> /tmp/hooks"],
      ["false"],
      ["/bin/does-not-exist"],
    )
    .map((command) => ({ exec: { command: [...command] } })),
);

function container(snippets: readonly string[], withProbesAndHooks: boolean): fc.Arbitrary<GenContainer> {
  const base = {
    // The nonexistent image is rarer: most cases should get past the pull.
    image: fc.oneof(
      { weight: 15, arbitrary: fc.constantFrom(IMAGES[0], IMAGES[1], IMAGES[2]) },
      { weight: 1, arbitrary: fc.constant(IMAGES[3]) },
    ),
    snippet: opt(
      // The busy loop costs about a second of real CPU per container start (the interpreter runs
      // its first busy seconds at a realistic rate): keep it rare so the suite stays fast.
      fc.oneof(
        { weight: 80, arbitrary: fc.constantFrom(...snippets.filter((s) => s !== "while true; do :; done")) },
        {
          weight: snippets.includes("while true; do :; done") ? 1 : 0,
          arbitrary: fc.constant("while true; do :; done"),
        },
      ),
      5,
    ),
  };
  if (!withProbesAndHooks) return fc.record(base, { requiredKeys: ["image"] }) as fc.Arbitrary<GenContainer>;
  return fc.record(
    {
      ...base,
      livenessProbe: opt(probe("liveness"), 3),
      readinessProbe: opt(probe("readiness"), 3),
      startupProbe: opt(probe("startup"), 4),
      preStop: opt(hook, 3),
      postStart: opt(hook, 4),
    },
    { requiredKeys: ["image"] },
  ) as fc.Arbitrary<GenContainer>;
}

/** An init container: regular ones run to completion (no probes or hooks allowed); sidecars keep running. */
export const initContainer: fc.Arbitrary<GenInit> = fc.oneof(
  container(INIT_SNIPPETS, false).map((c) => ({ ...c, sidecar: false })),
  container(SNIPPETS, true).map((c) => ({ ...c, sidecar: true })),
);

/**
 * Clamps sleep hooks to the pod's grace period: validation (`validateSleepAction`) rejects
 * `seconds > terminationGracePeriodSeconds`.
 */
function clampSleepHooks(p: GenPod): GenPod {
  const grace = p.terminationGracePeriodSeconds ?? 30;
  const clamp = (h: GenHandler | undefined): GenHandler | undefined =>
    h && "sleep" in h && h.sleep.seconds > grace ? { sleep: { seconds: grace } } : h;
  const fix = <C extends GenContainer>(c: C): C => {
    const out = { ...c };
    const preStop = clamp(c.preStop);
    const postStart = clamp(c.postStart);
    if (preStop) out.preStop = preStop;
    if (postStart) out.postStart = postStart;
    return out;
  };
  return { ...p, initContainers: p.initContainers.map(fix), containers: p.containers.map(fix) };
}

/** A Pod with 0–3 init containers and 1–3 regular containers. */
export const pod: fc.Arbitrary<GenPod> = fc
  .record(
    {
      initContainers: fc.array(initContainer, { maxLength: 3 }),
      containers: fc.array(container(SNIPPETS, true), { minLength: 1, maxLength: 3 }),
      restartPolicy: opt(
        fc.constantFrom("Always", "OnFailure", "Never") as fc.Arbitrary<"Always" | "OnFailure" | "Never">,
      ),
      terminationGracePeriodSeconds: opt(fc.constantFrom(0, 1, 2, 3, 5, 10, 30, 45), 2),
      activeDeadlineSeconds: opt(small(5, 240), 4),
    },
    { requiredKeys: ["initContainers", "containers"] },
  )
  .map(clampSleepHooks);

const EXEC_ARGVS = [
  "cat /tmp/healthy",
  "ls /",
  "sh -c 'echo hi'",
  "rm -f /tmp/healthy /tmp/ready",
  "kill 1",
  "true",
];

/** A kubectl command against `pods` pods (indexes may point one past the last: a pod that is not there). */
export function command(pods: number): fc.Arbitrary<GenCommand> {
  const podIdx = fc.oneof(
    { weight: 6, arbitrary: small(0, pods - 1) },
    { weight: 1, arbitrary: fc.constant(pods) },
  );
  return fc.oneof(
    fc.record(
      {
        kind: fc.constant("get" as const),
        output: opt(
          fc.constantFrom("wide", "json", "yaml", "name") as fc.Arbitrary<"wide" | "json" | "yaml" | "name">,
        ),
        pod: opt(podIdx),
      },
      { requiredKeys: ["kind"] },
    ),
    fc.record({ kind: fc.constant("describe" as const), pod: podIdx }),
    fc.constant({ kind: "events" as const }),
    fc.record({
      kind: fc.constant("logs" as const),
      pod: podIdx,
      container: small(0, 5),
      previous: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant("exec" as const),
      pod: podIdx,
      container: small(0, 5),
      argv: fc.constantFrom(...EXEC_ARGVS),
    }),
    {
      weight: 2,
      arbitrary: fc
        .record({
          pod: podIdx,
          // default | --grace-period=N | --now | --force | --grace-period=0 --force | an invalid mix
          mode: fc.oneof(
            { weight: 4, arbitrary: fc.constant({ force: false, now: false }) },
            {
              weight: 3,
              arbitrary: fc
                .constantFrom(0, 1, 2, 5, 15)
                .map((gracePeriod) => ({ gracePeriod, force: false, now: false })),
            },
            { weight: 1, arbitrary: fc.constant({ force: false, now: true }) },
            { weight: 1, arbitrary: fc.constant({ force: true, now: false }) },
            { weight: 2, arbitrary: fc.constant({ gracePeriod: 0, force: true, now: false }) },
            { weight: 1, arbitrary: fc.constant({ gracePeriod: 5, force: true, now: false }) },
          ),
          wait: fc.boolean(),
        })
        .map(({ pod, mode, wait }) => ({ kind: "delete" as const, pod, wait, ...mode })),
    },
    fc.constant({ kind: "apply" as const }),
  );
}

function steps(pods: number, maxLength: number, horizon: number): fc.Arbitrary<GenStep[]> {
  return fc
    .array(fc.record({ atSeconds: small(0, horizon), command: command(pods) }), { maxLength })
    .map((s) => [...s].sort((a, b) => a.atSeconds - b.atSeconds));
}

/** A whole case: 1–2 pods, a user script and a Scenario-document timeline, a seed, a horizon. */
export const scenario: fc.Arbitrary<GenScenario> = fc
  .record({
    pods: fc.array(pod, { minLength: 1, maxLength: 2 }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    horizonSeconds: fc.constantFrom(60, 120, 300, 600),
  })
  .chain(({ pods, seed, horizonSeconds }) =>
    fc
      .record({
        script: steps(pods.length, 6, horizonSeconds),
        documentTimeline: steps(pods.length, 2, horizonSeconds),
      })
      .map(({ script, documentTimeline }) => ({ pods, seed, horizonSeconds, script, documentTimeline })),
  );

/** The command line a user would type for `c` in a case with these pods. */
export function commandLine(c: GenCommand, pods: GenPod[]): string {
  const name = (i: number) => podName(i);
  const cname = (p: number, i: number) => {
    const g = pods[p];
    if (!g) return `c${i}`;
    const names = containerNames(g);
    return names[i % names.length] ?? `c${i}`;
  };
  switch (c.kind) {
    case "get":
      return `kubectl get pods${c.pod !== undefined ? ` ${name(c.pod)}` : ""}${c.output ? ` -o ${c.output}` : ""}`;
    case "describe":
      return `kubectl describe pod ${name(c.pod)}`;
    case "events":
      return "kubectl get events";
    case "logs":
      return `kubectl logs ${name(c.pod)} -c ${cname(c.pod, c.container)}${c.previous ? " --previous" : ""}`;
    case "exec":
      return `kubectl exec ${name(c.pod)} -c ${cname(c.pod, c.container)} -- ${c.argv}`;
    case "delete": {
      const flags = [
        c.gracePeriod !== undefined ? `--grace-period=${c.gracePeriod}` : "",
        c.force ? "--force" : "",
        c.now && c.gracePeriod === undefined ? "--now" : "",
        c.wait ? "" : "--wait=false",
      ].filter(Boolean);
      return `kubectl delete pod ${name(c.pod)}${flags.length ? ` ${flags.join(" ")}` : ""}`;
    }
    case "apply":
      return "kubectl apply -f scenario.yaml";
  }
}

function handlerObject(h: GenHandler): Record<string, unknown> {
  return "sleep" in h ? { sleep: { ...h.sleep } } : { exec: { command: [...h.exec.command] } };
}

function probeObject(p: GenProbe): Record<string, unknown> {
  const { handler, ...rest } = p;
  const out: Record<string, unknown> = { ...structuredClone(handler) };
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
  return out;
}

function containerObject(c: GenContainer, name: string, sidecar: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { name, image: c.image };
  if (sidecar) out.restartPolicy = "Always";
  if (c.snippet !== undefined) out.command = ["sh", "-c", c.snippet];
  if (c.image.startsWith("nginx")) out.ports = [{ containerPort: 80 }];
  if (c.livenessProbe) out.livenessProbe = probeObject(c.livenessProbe);
  if (c.readinessProbe) out.readinessProbe = probeObject(c.readinessProbe);
  if (c.startupProbe) out.startupProbe = probeObject(c.startupProbe);
  const lifecycle: Record<string, unknown> = {};
  if (c.postStart) lifecycle.postStart = handlerObject(c.postStart);
  if (c.preStop) lifecycle.preStop = handlerObject(c.preStop);
  if (Object.keys(lifecycle).length > 0) out.lifecycle = lifecycle;
  return out;
}

/** The Pod object for generated pod `i`. */
export function podObject(p: GenPod, i: number): Record<string, unknown> {
  const names = containerNames(p);
  const spec: Record<string, unknown> = {};
  if (p.restartPolicy) spec.restartPolicy = p.restartPolicy;
  if (p.terminationGracePeriodSeconds !== undefined)
    spec.terminationGracePeriodSeconds = p.terminationGracePeriodSeconds;
  if (p.activeDeadlineSeconds !== undefined) spec.activeDeadlineSeconds = p.activeDeadlineSeconds;
  if (p.initContainers.length > 0)
    spec.initContainers = p.initContainers.map((c, j) => containerObject(c, names[j] as string, c.sidecar));
  spec.containers = p.containers.map((c, j) =>
    containerObject(c, names[p.initContainers.length + j] as string, false),
  );
  return { apiVersion: "v1", kind: "Pod", metadata: { name: podName(i) }, spec };
}

/** Formats whole seconds as a duration the Scenario document accepts. */
export const seconds = (s: number): string => `${s}s`;

/** The scenario text: the Pods, then a Scenario document when the case has a document timeline. */
export function scenarioText(s: GenScenario): string {
  const docs: unknown[] = s.pods.map((p, i) => podObject(p, i));
  if (s.documentTimeline.length > 0)
    docs.push({
      apiVersion: "podlife.dev/v1alpha1",
      kind: "Scenario",
      metadata: { name: "generated" },
      spec: {
        timeline: s.documentTimeline.map((st) => ({
          at: seconds(st.atSeconds),
          run: commandLine(st.command, s.pods),
        })),
      },
    });
  return docs.map((d) => stringify(d, { lineWidth: 0 })).join("---\n");
}

/** The case as a replay script (`<at> <command>` lines), for reports. */
export function scriptText(s: GenScenario): string {
  return s.script.map((st) => `${seconds(st.atSeconds)} ${commandLine(st.command, s.pods)}`).join("\n");
}

// ---------------------------------------------------------------------------------------------
// YAML-ish text for the loader: random tokens, mutated valid scenarios, and odd values in real fields
// ---------------------------------------------------------------------------------------------

const YAML_TOKENS = [
  "apiVersion: v1",
  "kind: Pod",
  "kind: Scenario",
  "apiVersion: podlife.dev/v1alpha1",
  "metadata:",
  "  name: p",
  "spec:",
  "  containers:",
  "  - name: c",
  "    image: busybox",
  "  initContainers:",
  "    restartPolicy: Always",
  "timeline:",
  "- at: 5s",
  "  run: kubectl get pods",
  "---",
  "...",
  "- ",
  ": ",
  "{",
  "}",
  "[",
  "]",
  "[a，b]",
  "\t",
  "  ",
  "'",
  '"',
  "“x”",
  "&a",
  "*a",
  "<<: *a",
  "!!str",
  "!!binary",
  "? ",
  "|",
  ">-",
  "#",
  "%YAML 1.2",
  "null",
  "~",
  "-1",
  "1e999",
  "0x1F",
  ".nan",
  "9007199254740993",
  "true",
  "\u0000",
  "\ufeff",
  "é",
  "\r\n",
  "\n",
];

/** Text assembled from YAML fragments, Kubernetes keys and punctuation. */
export const yamlishText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...YAML_TOKENS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(""));

/** One edit of a text: delete a range, insert a token, duplicate or drop a line. */
type Edit =
  | { op: "delete"; at: number; length: number }
  | { op: "insert"; at: number; token: string }
  | { op: "duplicate-line"; line: number }
  | { op: "drop-line"; line: number }
  | { op: "indent-line"; line: number; by: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), length: small(1, 12) }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), token: fc.constantFrom(...YAML_TOKENS) }),
  fc.record({ op: fc.constant("duplicate-line" as const), line: fc.nat() }),
  fc.record({ op: fc.constant("drop-line" as const), line: fc.nat() }),
  fc.record({
    op: fc.constant("indent-line" as const),
    line: fc.nat(),
    by: fc.constantFrom(" ", "\t", "   "),
  }),
);

function applyEdit(text: string, e: Edit): string {
  if (e.op === "delete" || e.op === "insert") {
    const at = text.length === 0 ? 0 : e.at % (text.length + 1);
    return e.op === "delete"
      ? text.slice(0, at) + text.slice(at + e.length)
      : text.slice(0, at) + e.token + text.slice(at);
  }
  const lines = text.split("\n");
  const i = e.line % Math.max(1, lines.length);
  if (e.op === "duplicate-line") lines.splice(i, 0, lines[i] ?? "");
  else if (e.op === "drop-line") lines.splice(i, 1);
  else lines[i] = e.by + (lines[i] ?? "");
  return lines.join("\n");
}

/** A valid generated scenario with a few random edits applied. */
export const mutatedScenarioText: fc.Arbitrary<string> = fc
  .record({ s: scenario, edits: fc.array(edit, { minLength: 1, maxLength: 4 }) })
  .map(({ s, edits }) => edits.reduce(applyEdit, scenarioText(s)));

/** Odd values: wrong types, out-of-range numbers, empty and huge strings. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -5,
    1,
    2,
    3,
    30,
    1e9,
    2 ** 53,
    0.5,
    Number.NaN,
    "",
    "0",
    "10s",
    "abc",
    "Always",
    "Never",
    "OnFailure",
    "busybox",
    "nginx:1.27",
    "UPPER_case",
    "a".repeat(300),
  ),
  fc.constantFrom(
    [],
    {},
    [1],
    ["sh", "-c", "exit 1"],
    [""],
    { exec: {} },
    { seconds: -1 },
    { httpGet: { port: "http" } },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const CONTAINER_KEYS = [
  "name",
  "image",
  "command",
  "args",
  "imagePullPolicy",
  "restartPolicy",
  "livenessProbe",
  "readinessProbe",
  "startupProbe",
  "lifecycle",
  "ports",
  "env",
  "workingDir",
  "terminationMessagePolicy",
  "volumeMounts",
  "stdin",
  "resources",
  "nope",
];
const PROBE_KEYS = [
  "exec",
  "httpGet",
  "tcpSocket",
  "grpc",
  "initialDelaySeconds",
  "periodSeconds",
  "timeoutSeconds",
  "successThreshold",
  "failureThreshold",
  "terminationGracePeriodSeconds",
];
const SPEC_KEYS = [
  "restartPolicy",
  "terminationGracePeriodSeconds",
  "activeDeadlineSeconds",
  "volumes",
  "nodeName",
  "hostname",
  "readinessGates",
  "initContainers",
];

/** A valid generated Pod with one field (anywhere common) replaced by an odd value. */
export const oddPodText: fc.Arbitrary<string> = fc
  .record({
    p: pod,
    where: fc.constantFrom("spec", "container", "init", "probe", "hook"),
    specKey: fc.constantFrom(...SPEC_KEYS),
    containerKey: fc.constantFrom(...CONTAINER_KEYS),
    probeKey: fc.constantFrom(...PROBE_KEYS),
    value: oddValue,
  })
  .map(({ p, where, specKey, containerKey, probeKey, value }) => {
    const obj = podObject(p, 0) as { spec: Record<string, unknown> };
    const spec = obj.spec;
    const containers = spec.containers as Record<string, unknown>[];
    const c = containers[0] as Record<string, unknown>;
    if (where === "spec") spec[specKey] = value;
    else if (where === "container") c[containerKey] = value;
    else if (where === "init")
      spec.initContainers = [{ name: "i", image: "busybox:1.36", [containerKey]: value }];
    else if (where === "probe") c.livenessProbe = { exec: { command: ["true"] }, [probeKey]: value };
    else c.lifecycle = { preStop: value };
    return stringify(obj, { lineWidth: 0 });
  });
