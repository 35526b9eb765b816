import { describe, expect, it } from "vitest";
import { loadScenario } from "../../scenario/load.ts";

/** The error messages of loading `text` (which must fail). */
function messages(text: string): string[] {
  const result = loadScenario(text);
  if (result.ok) throw new Error("expected validation errors");
  return result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
}

const pod = (containers: string, extra = "", name = "p") =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n${containers}`;
const app = (more = "") => `  - name: app\n    image: nginx\n${more}`;

describe("Pod validation messages", () => {
  it("duplicate container names", () => {
    expect(messages(pod(`${app()}${app()}`))).toEqual(['spec.containers[1].name: Duplicate value: "app"']);
  });

  it("a negative probe period (upstream ValidateNonnegativeField wording)", () => {
    expect(
      messages(
        pod(app("    livenessProbe:\n      exec: {command: [cat, /tmp/healthy]}\n      periodSeconds: -5\n")),
      ),
    ).toEqual([
      "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0",
    ]);
  });

  it("a missing image", () => {
    expect(messages(pod("  - name: app\n"))).toEqual(["spec.containers[0].image: Required value"]);
  });

  it("an invalid Pod name, with apimachinery's full text", () => {
    expect(messages(pod(app(), "", "Foo"))).toEqual([
      `metadata.name: Invalid value: "Foo": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });

  it("an invalid container name", () => {
    expect(messages(pod("  - name: My_App\n    image: nginx\n"))).toEqual([
      `spec.containers[0].name: Invalid value: "My_App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it("no containers", () => {
    expect(messages("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n")).toEqual([
      "spec.containers: Required value",
    ]);
  });

  it("an unsupported restartPolicy", () => {
    expect(messages(pod(app(), "  restartPolicy: Sometimes\n"))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });

  it("successThreshold must be 1 for liveness and startup probes", () => {
    const probe = "      exec: {command: [cat]}\n      successThreshold: 2\n";
    expect(
      messages(
        pod(app(`    livenessProbe:\n${probe}    startupProbe:\n${probe}    readinessProbe:\n${probe}`)),
      ),
    ).toEqual([
      "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
      "spec.containers[0].startupProbe.successThreshold: Invalid value: 2: must be 1",
    ]);
  });

  it("exactly one probe handler", () => {
    expect(
      messages(pod(app("    readinessProbe:\n      exec: {command: [cat]}\n      tcpSocket: {port: 80}\n"))),
    ).toEqual([
      "spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
    ]);
    expect(messages(pod(app("    readinessProbe:\n      periodSeconds: 5\n")))).toEqual([
      "spec.containers[0].readinessProbe: Required value: must specify a handler type",
    ]);
  });

  it("probes and hooks on regular init containers are forbidden", () => {
    const init =
      "  initContainers:\n  - name: init\n    image: busybox\n    readinessProbe:\n      exec: {command: [cat]}\n";
    expect(messages(pod(app(), init))).toEqual([
      "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
    ]);
  });

  it("sidecars may have probes; init restartPolicy can only be Always", () => {
    const sidecar =
      "  initContainers:\n  - name: proxy\n    image: envoy:1.30\n    restartPolicy: Always\n    readinessProbe:\n      tcpSocket: {port: 9901}\n";
    expect(loadScenario(pod(app(), sidecar)).ok).toBe(true);
    const bad = "  initContainers:\n  - name: init\n    image: busybox\n    restartPolicy: OnFailure\n";
    expect(messages(pod(app(), bad))).toEqual([
      'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
    expect(messages(pod(app("    restartPolicy: Always\n")))).toEqual([
      "spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers",
    ]);
  });

  it("init container names must not clash with containers", () => {
    expect(messages(pod(app(), "  initContainers:\n  - name: app\n    image: busybox\n"))).toEqual([
      'spec.initContainers[0].name: Duplicate value: "app"',
    ]);
  });

  it("volume mounts must name a volume", () => {
    expect(messages(pod(app("    volumeMounts:\n    - name: x\n      mountPath: /x\n")))).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "x"',
    ]);
  });

  it("duplicate volumes", () => {
    const vols = "  volumes:\n  - name: data\n    emptyDir: {}\n  - name: data\n    emptyDir: {}\n";
    expect(messages(pod(app(), vols))).toEqual(['spec.volumes[1].name: Duplicate value: "data"']);
  });

  it("ports: range, duplicate names, and a warning for duplicate definitions", () => {
    const ports =
      "    ports:\n    - {name: http, containerPort: 70000}\n    - {name: http, containerPort: 80}\n";
    expect(messages(pod(app(ports)))).toEqual([
      "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
    ]);
    const result = loadScenario(pod(app("    ports:\n    - containerPort: 80\n    - containerPort: 80\n")));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.scenario.diagnostics.find((d) => d.code === "api-warning")?.message).toBe(
        "spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]",
      );
    }
  });

  it("probe ports must be valid", () => {
    expect(messages(pod(app("    livenessProbe:\n      httpGet: {port: 0}\n")))).toEqual([
      "spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive",
    ]);
  });

  it("a preStop sleep longer than the grace period", () => {
    expect(messages(pod(app("    lifecycle:\n      preStop:\n        sleep: {seconds: 40}\n")))).toEqual([
      "spec.containers[0].lifecycle.preStop.sleep: Invalid value: 40: must be non-negative and less than terminationGracePeriodSeconds (30)",
    ]);
  });

  it("an unsupported imagePullPolicy", () => {
    expect(messages(pod(app("    imagePullPolicy: Sometimes\n")))).toEqual([
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ]);
  });
});

const deployment = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;
const template = (labels: string) =>
  `  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n`;

describe("Deployment validation messages", () => {
  it("selector must match template labels", () => {
    expect(
      messages(deployment(`  selector:\n    matchLabels: {app: web}\n${template("{app: other, tier: fe}")}`)),
    ).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"other", "tier":"fe"}: `selector` does not match template `labels`',
    ]);
  });

  it("maxSurge and maxUnavailable cannot both be 0", () => {
    const spec = `  selector:\n    matchLabels: {app: web}\n  strategy:\n    rollingUpdate: {maxSurge: 0, maxUnavailable: 0}\n${template("{app: web}")}`;
    expect(messages(deployment(spec))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
    const percent = spec.replace(
      "{maxSurge: 0, maxUnavailable: 0}",
      '{maxSurge: "0%", maxUnavailable: "0%"}',
    );
    expect(messages(deployment(percent))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    ]);
  });

  it("a missing selector, a bad percentage, a non-Always restartPolicy", () => {
    const spec = `  strategy:\n    rollingUpdate: {maxSurge: 10pct}\n${template("{app: web}")}      restartPolicy: Never\n`;
    expect(messages(deployment(spec))).toEqual([
      "spec.selector: Required value",
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"10pct"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ]);
  });

  it("a valid Deployment loads with its defaults", () => {
    const result = loadScenario(
      deployment(`  replicas: 4\n  selector:\n    matchLabels: {app: web}\n${template("{app: web}")}`),
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.scenario.objects[0]?.spec).toMatchObject({ replicas: 4, revisionHistoryLimit: 10 });
  });
});

describe("Service validation messages", () => {
  it("ports are required and named when there are several", () => {
    const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`;
    expect(messages(svc("  selector: {app: web}\n"))).toEqual(["spec.ports: Required value"]);
    expect(messages(svc("  ports:\n  - port: 80\n  - port: 443\n"))).toEqual([
      "spec.ports[0].name: Required value",
      "spec.ports[1].name: Required value",
    ]);
    expect(messages(svc("  type: Balanced\n  ports:\n  - port: 80\n"))).toEqual([
      'spec.type: Unsupported value: "Balanced": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it("a Service name must be a DNS-1035 label", () => {
    const msgs = messages(
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports:\n  - port: 80\n",
    );
    expect(msgs[0]).toContain(
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters`,
    );
  });
});
