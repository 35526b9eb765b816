import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "./load.ts";
import type { Diagnostic, LoadResult, Scenario } from "./types.ts";

const SHARED = fileURLToPath(new URL("../../../../shared/", import.meta.url));
const haveShared = existsSync(SHARED);

function ok(result: LoadResult): Scenario {
  if (!result.ok)
    throw new Error(`expected ok, got:\n${result.diagnostics.map((d) => d.message).join("\n")}`);
  return result.scenario;
}

function errors(result: LoadResult): Diagnostic[] {
  if (result.ok) throw new Error("expected errors, scenario loaded");
  return result.diagnostics.filter((d) => d.severity === "error");
}

const pod = (spec: string, name = "p") =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

describe.skipIf(!haveShared)("shipped scenarios", () => {
  const examples = haveShared ? readdirSync(`${SHARED}examples`).filter((f) => f.endsWith(".yaml")) : [];
  it.each(examples)("examples/%s loads without errors", (file) => {
    const scenario = ok(loadScenario(readFileSync(`${SHARED}examples/${file}`, "utf8")));
    expect(scenario.objects.length).toBeGreaterThan(0);
    expect(scenario.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("examples/gracestop.yaml has two Pods, in document order", () => {
    const scenario = ok(loadScenario(readFileSync(`${SHARED}examples/gracestop.yaml`, "utf8")));
    expect(scenario.objects.map((o) => o.metadata.name)).toEqual(["hook-demo2", "hook-demo3"]);
    const spec = scenario.objects[1]?.spec as { volumes: unknown[] };
    expect(spec.volumes).toEqual([{ hostPath: { path: "/tmp", type: "" }, name: "message" }]);
  });

  const cases = haveShared ? readdirSync(`${SHARED}conformance/cases`) : [];
  it.each(cases)("conformance/%s/scenario.yaml loads without errors", (name) => {
    const scenario = ok(
      loadScenario(readFileSync(`${SHARED}conformance/cases/${name}/scenario.yaml`, "utf8")),
    );
    expect(scenario.objects).toHaveLength(1);
    expect(scenario.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("YAML errors", () => {
  it("locates a syntax error by document, line and column", () => {
    const text = `${pod("  containers:\n  - name: a\n    image: nginx\n")}---\n${pod("  containers: [\n  - name: b\n", "q")}`;
    const [err] = errors(loadScenario(text));
    expect(err).toMatchObject({ severity: "error", document: 2, code: "yaml" });
    expect(err?.line).toBeGreaterThanOrEqual(15);
    expect(err?.column).toBeGreaterThan(0);
  });

  it("names the full-width comma of the blog post's preStop snippet", () => {
    const text = pod(
      '  containers:\n  - name: app\n    image: nginx\n    lifecycle:\n      preStop:\n        exec:\n          command: ["/bin/sh"，"-c"，"/pre-stop.sh"]\n',
    );
    const [err] = errors(loadScenario(text));
    expect(err).toMatchObject({ document: 1, line: 12, column: 30, code: "yaml" });
    expect(err?.hint).toBe("full-width comma '，' (U+FF0C) at line 12, column 30; use an ASCII comma ','");
  });

  it("names a full-width colon even when the parser complains elsewhere", () => {
    const [err] = errors(loadScenario("apiVersion： v1\nkind: Pod\n"));
    expect(err?.hint).toContain(
      "full-width colon '：' (U+FF1A) at line 1, column 11; use an ASCII colon ':'",
    );
  });

  it("explains tabs in indentation", () => {
    const [err] = errors(loadScenario("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n"));
    expect(err).toMatchObject({ document: 1, line: 4, column: 1 });
    expect(err?.hint).toContain("tabs are not allowed in YAML indentation; use spaces");
  });

  it("reads Chinese comments and text", () => {
    const text = `# 第一个示例\n${pod('  containers:\n  - name: app   # 主容器\n    image: nginx\n    command: ["sh", "-c", "echo 你好，世界"]  # 优雅退出\n')}`;
    const scenario = ok(loadScenario(text));
    const spec = scenario.objects[0]?.spec as { containers: { command: string[] }[] } | undefined;
    const c = spec?.containers[0];
    expect(c?.command[2]).toBe("echo 你好，世界");
  });

  it("skips empty documents and counts the others", () => {
    const text = `---\n---\n${pod("  containers:\n  - name: a\n")}---\n`;
    const [err] = errors(loadScenario(text));
    expect(err).toMatchObject({
      document: 1,
      path: "spec.containers[0].image",
      message: "spec.containers[0].image: Required value",
    });
  });

  it("reports an empty text as no objects, not an error", () => {
    expect(ok(loadScenario("")).objects).toEqual([]);
    expect(ok(loadScenario("# nothing here\n---\n")).objects).toEqual([]);
  });
});

describe("documents and kinds", () => {
  it("rejects a document that is not a mapping", () => {
    const [err] = errors(loadScenario("- a\n- b\n"));
    expect(err).toMatchObject({ code: "not-an-object", document: 1, line: 1 });
    expect(err?.message).toContain("got a list");
  });

  it("rejects an object without kind or apiVersion, in Kubernetes' words", () => {
    const [noKind] = errors(loadScenario("apiVersion: v1\nmetadata:\n  name: x\n"));
    expect(noKind?.message).toBe(`Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`);
    const [noVersion] = errors(loadScenario("kind: Deployment\nmetadata:\n  name: x\n"));
    expect(noVersion?.message).toContain("Object 'apiVersion' is missing in");
    expect(noVersion?.hint).toContain("apps/v1");
  });

  it("rejects unknown kinds like kubectl", () => {
    const [err] = errors(loadScenario("---\napiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n"));
    expect(err).toMatchObject({
      message: 'no matches for kind "Foo" in version "v1"',
      document: 1,
      line: 3,
      column: 7,
    });
    const [wrongGroup] = errors(loadScenario("apiVersion: v1\nkind: Deployment\nmetadata:\n  name: x\n"));
    expect(wrongGroup?.message).toBe('no matches for kind "Deployment" in version "v1"');
    expect(wrongGroup?.hint).toBe("Deployment is in apiVersion apps/v1");
  });

  it("skips real but unsimulated kinds with a warning", () => {
    const scenario = ok(loadScenario("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"));
    expect(scenario.objects).toEqual([]);
    expect(scenario.diagnostics[0]).toMatchObject({ severity: "warning", code: "unsupported-kind" });
  });

  it("rejects a second object with the same name", () => {
    const one = pod("  containers:\n  - name: a\n    image: nginx\n");
    const [err] = errors(loadScenario(`${one}---\n${one}`));
    expect(err).toMatchObject({ document: 2, code: "already-exists", message: 'pods "p" already exists' });
  });

  it("allows one Scenario document only", () => {
    const sc = "apiVersion: podlife.dev/v1alpha1\nkind: Scenario\n";
    const [err] = errors(loadScenario(`${sc}---\n${sc}`));
    expect(err).toMatchObject({ document: 2, code: "duplicate-scenario" });
  });
});

describe("strict decoding", () => {
  it("rejects an unknown field with its position and a suggestion", () => {
    const text = pod("  containers:\n  - name: app\n    image: nginx\n    imagePullPolice: Always\n");
    const [err] = errors(loadScenario(text));
    expect(err).toMatchObject({
      message: 'strict decoding error: unknown field "spec.containers[0].imagePullPolice"',
      path: "spec.containers[0].imagePullPolice",
      hint: "did you mean imagePullPolicy?",
      line: 9,
      column: 5,
      code: "unknown-field",
    });
  });

  it("rejects a value of the wrong type", () => {
    const [err] = errors(loadScenario(pod("  containers:\n  - name: app\n    image: 5\n")));
    expect(err?.message).toBe("spec.containers[0].image: Invalid value: 5: must be of type string");
  });

  it("keeps fields it does not simulate and says so", () => {
    const text = pod(
      "  nodeSelector:\n    disk: ssd\n  containers:\n  - name: app\n    image: nginx\n    resources:\n      limits:\n        cpu: 100m\n",
    );
    const scenario = ok(loadScenario(text));
    const infos = scenario.diagnostics.filter((d) => d.code === "unsupported-field");
    expect(infos.map((d) => d.message)).toEqual([
      "not simulated: spec.nodeSelector",
      "not simulated: spec.containers[0].resources",
    ]);
    expect(infos[1]).toMatchObject({ severity: "info", line: 11, column: 5 });
    const spec = scenario.objects[0]?.spec as { nodeSelector: unknown; containers: { resources: unknown }[] };
    expect(spec.nodeSelector).toEqual({ disk: "ssd" });
    expect(spec.containers[0]?.resources).toEqual({ limits: { cpu: "100m" } });
  });

  it("drops status, which the cluster sets", () => {
    const scenario = ok(
      loadScenario(`${pod("  containers:\n  - name: a\n    image: nginx\n")}status:\n  phase: Running\n`),
    );
    expect(scenario.objects[0]).not.toHaveProperty("status");
    expect(scenario.diagnostics.map((d) => d.code)).toContain("ignored-field");
  });
});

describe("validation diagnostics", () => {
  it("carry the path, the object and the position of the field", () => {
    const text = pod(
      "  containers:\n  - name: app\n    image: nginx\n  - name: app\n    image: nginx\n",
      "x",
    );
    const [err] = errors(loadScenario(text));
    expect(err).toMatchObject({
      message: 'spec.containers[1].name: Duplicate value: "app"',
      path: "spec.containers[1].name",
      object: { kind: "Pod", name: "x" },
      line: 9,
      column: 11,
      code: "duplicate",
    });
  });
});

describe("settings", () => {
  const scenarioDoc = `apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata:
  name: rollout-under-load
spec:
  seed: 42
  startTime: "2024-06-01T12:00:00Z"
  nodes: [node-a, {name: node-b, images: [nginx:1.27]}]
  images:
  - name: example.com/shop/web
    size: 45MB
    pullSeconds: 3s
    ports: [8080]
    http:
    - path: /healthz
      responses:
      - {status: 200}
      - {afterSeconds: 1m, status: 503}
  endpointPropagationDelay: 1500ms
  duration: 10m
  traffic:
  - service: web
    rps: 50
  timeline:
  - at: 1m30s
    run: kubectl set image deployment/web nginx=nginx:1.28
  - at: 90s
    run: kubectl get pods
  - at: 10s
    run: kubectl get pods -o wide
`;

  it("reads the Scenario document with units resolved", () => {
    const { settings } = ok(loadScenario(scenarioDoc));
    expect(settings).toMatchObject({
      name: "rollout-under-load",
      seed: 42,
      startTimeMs: Date.UTC(2024, 5, 1, 12),
      kubernetesVersion: "1.34",
      nodes: [{ name: "node-a" }, { name: "node-b", images: ["nginx:1.27"] }],
      endpointPropagationMs: 1500,
      durationMs: 600_000,
      traffic: [{ service: "web", rps: 50 }],
    });
    expect(settings.images[0]).toEqual({
      name: "example.com/shop/web",
      sizeBytes: 45_000_000,
      pullSeconds: 3,
      ports: [8080],
      http: [
        {
          path: "/healthz",
          responses: [
            { afterSeconds: 0, status: 200 },
            { afterSeconds: 60, status: 503 },
          ],
        },
      ],
    });
    expect(settings.timeline).toEqual([
      { at: "10s", atMs: 10_000, run: "kubectl get pods -o wide" },
      { at: "1m30s", atMs: 90_000, run: "kubectl set image deployment/web nginx=nginx:1.28" },
      { at: "90s", atMs: 90_000, run: "kubectl get pods" },
    ]);
  });

  it("has defaults without a Scenario document", () => {
    const { settings } = ok(loadScenario(""));
    expect(settings).toEqual({
      name: "scenario",
      seed: 1,
      startTimeMs: Date.UTC(2025, 0, 1),
      kubernetesVersion: "1.34",
      nodes: [{ name: "node-1" }],
      images: [],
      endpointPropagationMs: 1000,
      traffic: [],
      timeline: [],
    });
  });

  it("lets --seed override spec.seed", () => {
    expect(ok(loadScenario(scenarioDoc, { seed: 7 })).settings.seed).toBe(7);
    expect(ok(loadScenario("", { seed: 0 })).settings.seed).toBe(0);
    expect(errors(loadScenario("", { seed: -1 }))[0]?.code).toBe("invalid-seed");
  });

  it("reports bad durations, dates and unknown fields with their paths", () => {
    const text = `apiVersion: podlife.dev/v1alpha1
kind: Scenario
spec:
  startTime: yesterday
  timelin: []
  timeline:
  - at: soon
    run: kubectl get pods
`;
    const errs = errors(loadScenario(text));
    expect(errs.map((e) => e.message)).toEqual([
      'strict decoding error: unknown field "spec.timelin"',
      'spec.startTime: Invalid value: "yesterday": must be an RFC 3339 date-time such as 2025-01-01T00:00:00Z',
      'spec.timeline[0].at: Invalid value: "soon": must be a duration such as 90s, 1m30s, 1500ms or 2h',
    ]);
    expect(errs[0]?.hint).toBe("did you mean timeline?");
    expect(errs[2]).toMatchObject({ line: 7, column: 9 });
  });

  it("draws generated names from the seed", () => {
    const text =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: job-\nspec:\n  containers:\n  - name: a\n    image: busybox\n";
    const a = ok(loadScenario(text, { seed: 3 })).objects[0]?.metadata.name;
    const b = ok(loadScenario(text, { seed: 3 })).objects[0]?.metadata.name;
    const c = ok(loadScenario(text, { seed: 4 })).objects[0]?.metadata.name;
    expect(a).toMatch(/^job-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe("look-alike characters that parse", () => {
  it("warns about curly quotes used as quotes", () => {
    const text =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: app\n    image: nginx\n    args: [“a”]\n";
    const scenario = ok(loadScenario(text));
    const w = scenario.diagnostics.find((d) => d.code === "lookalike");
    expect(w).toMatchObject({ severity: "warning", document: 1, line: 9, column: 12 });
    expect(w?.hint).toContain(
      "curly double quote '“' (U+201C) at line 9, column 12; use a straight double quote '\"'",
    );
  });

  it("gives a hint for a full-width colon that turns a mapping into text", () => {
    const text =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name： app\n    image: nginx\n";
    const [err] = errors(loadScenario(text));
    expect(err?.hint).toBe("full-width colon '：' (U+FF1A) at line 7, column 9; use an ASCII colon ':'");
  });
});
