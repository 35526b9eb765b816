import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../random.ts";
import { defaultDeployment } from "./apps.ts";
import { defaultPullPolicy, parseImageReference } from "./image.ts";
import { defaultObjectMeta } from "./meta.ts";
import { defaultPod } from "./pod.ts";
import { defaultService } from "./service.ts";
import { sortKeysDeep } from "./util.ts";

describe("imagePullPolicy defaulting", () => {
  it.each([
    ["nginx", "Always"],
    ["nginx:latest", "Always"],
    ["nginx:1.27", "IfNotPresent"],
    ["registry.k8s.io/e2e-test-images/agnhost:2.40", "IfNotPresent"],
    ["localhost:5000/app", "Always"],
    ["busybox@sha256:2376a0c12759aa1214ba83e771ff252c7b1663216b192fbe5e0fb364e952f85c", "IfNotPresent"],
    ["busybox:1.36@sha256:2376a0c12759aa1214ba83e771ff252c7b1663216b192fbe5e0fb364e952f85c", "IfNotPresent"],
  ])("%s → %s", (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  it("parses references with registry ports", () => {
    expect(parseImageReference("localhost:5000/app:v2")).toEqual({
      repository: "localhost:5000/app",
      tag: "v2",
      digest: "",
    });
  });
});

describe("Pod defaulting", () => {
  it("fills what the API server fills, as kubectl shows it", () => {
    const pod: Record<string, unknown> = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web" },
      spec: {
        containers: [
          {
            name: "web",
            image: "nginx:1.27",
            ports: [{ containerPort: 80 }],
            readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 5 },
            lifecycle: { preStop: { httpGet: { port: 80, path: "/drain" } } },
          },
        ],
        initContainers: [{ name: "init", image: "busybox" }],
      },
    };
    defaultObjectMeta(pod, new SeededRandom(1));
    defaultPod(pod);
    expect(sortKeysDeep(pod)).toMatchInlineSnapshot(`
      {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
          "name": "web",
          "namespace": "default",
        },
        "spec": {
          "containers": [
            {
              "image": "nginx:1.27",
              "imagePullPolicy": "IfNotPresent",
              "lifecycle": {
                "preStop": {
                  "httpGet": {
                    "path": "/drain",
                    "port": 80,
                    "scheme": "HTTP",
                  },
                },
              },
              "name": "web",
              "ports": [
                {
                  "containerPort": 80,
                  "protocol": "TCP",
                },
              ],
              "readinessProbe": {
                "failureThreshold": 3,
                "httpGet": {
                  "path": "/",
                  "port": 80,
                  "scheme": "HTTP",
                },
                "initialDelaySeconds": 5,
                "periodSeconds": 10,
                "successThreshold": 1,
                "timeoutSeconds": 1,
              },
              "resources": {},
              "terminationMessagePath": "/dev/termination-log",
              "terminationMessagePolicy": "File",
            },
          ],
          "dnsPolicy": "ClusterFirst",
          "enableServiceLinks": true,
          "initContainers": [
            {
              "image": "busybox",
              "imagePullPolicy": "Always",
              "name": "init",
              "resources": {},
              "terminationMessagePath": "/dev/termination-log",
              "terminationMessagePolicy": "File",
            },
          ],
          "preemptionPolicy": "PreemptLowerPriority",
          "priority": 0,
          "restartPolicy": "Always",
          "schedulerName": "default-scheduler",
          "securityContext": {},
          "serviceAccount": "default",
          "serviceAccountName": "default",
          "terminationGracePeriodSeconds": 30,
          "tolerations": [
            {
              "effect": "NoExecute",
              "key": "node.kubernetes.io/not-ready",
              "operator": "Exists",
              "tolerationSeconds": 300,
            },
            {
              "effect": "NoExecute",
              "key": "node.kubernetes.io/unreachable",
              "operator": "Exists",
              "tolerationSeconds": 300,
            },
          ],
        },
      }
    `);
  });

  it("keeps explicit values, including an explicit zero grace period", () => {
    const pod: Record<string, unknown> = {
      spec: {
        terminationGracePeriodSeconds: 0,
        restartPolicy: "Never",
        containers: [
          { name: "a", image: "nginx", imagePullPolicy: "Never", livenessProbe: { periodSeconds: 5 } },
        ],
        tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" }],
      },
    };
    defaultPod(pod);
    const spec = pod.spec as Record<string, unknown> & {
      containers: Record<string, unknown>[];
      tolerations: unknown[];
    };
    expect(spec.terminationGracePeriodSeconds).toBe(0);
    expect(spec.restartPolicy).toBe("Never");
    expect(spec.containers[0]?.imagePullPolicy).toBe("Never");
    expect(spec.containers[0]?.livenessProbe).toMatchObject({ periodSeconds: 5 });
    expect(spec.tolerations).toHaveLength(2);
  });

  it("stores a negative grace period as 1", () => {
    const pod: Record<string, unknown> = { spec: { terminationGracePeriodSeconds: -3, containers: [] } };
    defaultPod(pod);
    expect((pod.spec as { terminationGracePeriodSeconds: number }).terminationGracePeriodSeconds).toBe(1);
  });
});

describe("Deployment defaulting", () => {
  it("applies §9 defaults and pod-spec defaults to the template only", () => {
    const d: Record<string, unknown> = {
      spec: {
        selector: { matchLabels: { app: "web" } },
        template: { spec: { containers: [{ name: "web", image: "nginx" }] } },
      },
    };
    defaultDeployment(d);
    const spec = d.spec as Record<string, unknown> & { template: { spec: Record<string, unknown> } };
    expect(spec).toMatchObject({
      replicas: 1,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(spec.template.spec).toMatchObject({
      restartPolicy: "Always",
      terminationGracePeriodSeconds: 30,
      dnsPolicy: "ClusterFirst",
    });
    expect(spec.template.spec).not.toHaveProperty("tolerations");
    expect(spec.template.spec).not.toHaveProperty("enableServiceLinks");
  });

  it("does not add rollingUpdate to a Recreate strategy", () => {
    const d: Record<string, unknown> = { spec: { strategy: { type: "Recreate" } } };
    defaultDeployment(d);
    expect((d.spec as { strategy: unknown }).strategy).toEqual({ type: "Recreate" });
  });
});

describe("Service defaulting", () => {
  it("defaults type, affinity, protocols, target ports and traffic policies", () => {
    const s: Record<string, unknown> = {
      spec: { selector: { app: "web" }, ports: [{ port: 80 }, { port: 443, targetPort: "https" }] },
    };
    defaultService(s);
    expect(s.spec).toEqual({
      selector: { app: "web" },
      ports: [
        { port: 80, protocol: "TCP", targetPort: 80 },
        { port: 443, protocol: "TCP", targetPort: "https" },
      ],
      sessionAffinity: "None",
      type: "ClusterIP",
      internalTrafficPolicy: "Cluster",
      ipFamilyPolicy: "SingleStack",
      ipFamilies: ["IPv4"],
    });
  });
});
