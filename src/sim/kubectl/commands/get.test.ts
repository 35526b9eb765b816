import { describe, expect, it } from "vitest";
import type { ApiEvent } from "../api.ts";
import { FakeCluster, kubectl, pod, running, ts } from "../testing/fake-api.ts";

const T = 600_000; // "now": 10 minutes after the start

function terminated(
  name: string,
  exitCode: number,
  reason: string,
  finishedMs: number,
  extra: Record<string, unknown> = {},
) {
  return {
    name,
    ready: false,
    started: false,
    restartCount: 0,
    image: "busybox:1.36",
    state: { terminated: { exitCode, reason, startedAt: ts(finishedMs - 1000), finishedAt: ts(finishedMs) } },
    ...extra,
  };
}

function waiting(name: string, reason: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    ready: false,
    started: false,
    restartCount: 0,
    image: "busybox:1.36",
    state: { waiting: { reason } },
    ...extra,
  };
}

function zoo(): FakeCluster {
  const api = new FakeCluster();
  api.now = T;
  const init2 = { initContainers: [{ name: "i1" }, { name: "i2" }] };
  api.objects.push(
    pod("running", { status: { containerStatuses: [running("app", 1000)] } }),
    pod("init-0", {
      spec: init2,
      status: {
        phase: "Pending",
        initContainerStatuses: [waiting("i1", "PodInitializing"), waiting("i2", "PodInitializing")],
        containerStatuses: [waiting("app", "PodInitializing")],
      },
    }),
    pod("init-1", {
      spec: init2,
      status: {
        phase: "Pending",
        initContainerStatuses: [
          terminated("i1", 0, "Completed", 5000),
          { ...running("i2", 6000), ready: false },
        ],
        containerStatuses: [waiting("app", "PodInitializing")],
      },
    }),
    pod("init-crash", {
      spec: init2,
      status: {
        phase: "Pending",
        initContainerStatuses: [
          waiting("i1", "CrashLoopBackOff", {
            restartCount: 3,
            lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ts(T - 45_000) } },
          }),
          waiting("i2", "PodInitializing"),
        ],
        containerStatuses: [waiting("app", "PodInitializing")],
      },
    }),
    pod("init-error", {
      spec: init2,
      status: {
        phase: "Pending",
        initContainerStatuses: [terminated("i1", 2, "Error", 5000), waiting("i2", "PodInitializing")],
        containerStatuses: [waiting("app", "PodInitializing")],
      },
    }),
    pod("pod-initializing", {
      spec: init2,
      status: {
        phase: "Pending",
        conditions: [{ type: "Initialized", status: "True" }],
        initContainerStatuses: [
          terminated("i1", 0, "Completed", 5000),
          terminated("i2", 0, "Completed", 6000),
        ],
        containerStatuses: [waiting("app", "PodInitializing")],
      },
    }),
    pod("crashloop", {
      status: {
        containerStatuses: [
          waiting("app", "CrashLoopBackOff", {
            restartCount: 3,
            lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ts(T - 45_000) } },
          }),
        ],
      },
    }),
    pod("completed", {
      spec: { restartPolicy: "Never" },
      status: { phase: "Succeeded", containerStatuses: [terminated("app", 0, "Completed", 9000)] },
    }),
    pod("error", {
      spec: { restartPolicy: "Never" },
      status: { phase: "Failed", containerStatuses: [terminated("app", 1, "Error", 9000)] },
    }),
    pod("terminating", {
      metadata: { deletionTimestamp: ts(T + 30_000), deletionGracePeriodSeconds: 30 },
      status: { containerStatuses: [running("app", 1000)] },
    }),
    pod("pending", {
      spec: { nodeName: undefined },
      status: { phase: "Pending", podIP: undefined, hostIP: undefined },
    }),
  );
  return api;
}

describe("kubectl get pods", () => {
  it("computes STATUS, READY and RESTARTS as printPod does", () => {
    const r = kubectl(zoo(), "kubectl get pods");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "NAME               READY   STATUS                  RESTARTS      AGE",
        "completed          0/1     Completed               0             10m",
        "crashloop          0/1     CrashLoopBackOff        3 (45s ago)   10m",
        "error              0/1     Error                   0             10m",
        "init-0             0/1     Init:0/2                0             10m",
        "init-1             0/1     Init:1/2                0             10m",
        "init-crash         0/1     Init:CrashLoopBackOff   3 (45s ago)   10m",
        "init-error         0/1     Init:Error              0             10m",
        "pending            0/1     Pending                 0             10m",
        "pod-initializing   0/1     PodInitializing         0             10m",
        "running            1/1     Running                 0             10m",
        "terminating        1/1     Terminating             0             10m",
        "",
      ].join("\n"),
    );
  });

  it("adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide", () => {
    const api = zoo();
    (api.objects[0] as unknown as { status: { podIPs: { ip: string }[] } }).status.podIPs = [
      { ip: "10.244.0.5" },
    ];
    const r = kubectl(api, "kubectl get pod running pending -o wide");
    expect(r.stdout).toBe(
      [
        "NAME      READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES",
        "running   1/1     Running   0          10m   10.244.0.5   node-1   <none>           <none>",
        "pending   0/1     Pending   0          10m   <none>       <none>   <none>           <none>",
        "",
      ].join("\n"),
    );
  });

  it("prints one object as JSON and several as a v1 List", () => {
    const api = zoo();
    const one = JSON.parse(kubectl(api, "kubectl get pod running -o json").stdout);
    expect(one.kind).toBe("Pod");
    expect(one.metadata.name).toBe("running");
    const text = kubectl(api, "kubectl get pods -o json").stdout;
    expect(text.startsWith('{\n    "apiVersion": "v1",\n    "items": [\n')).toBe(true);
    const list = JSON.parse(text);
    expect(list.kind).toBe("List");
    expect(list.metadata).toEqual({ resourceVersion: "" });
    expect(list.items).toHaveLength(11);
  });

  it("prints YAML, names and jsonpath", () => {
    const api = zoo();
    const yaml = kubectl(api, "kubectl get pod running -o yaml").stdout;
    expect(
      yaml.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2025-01-01T00:00:00Z"\n'),
    ).toBe(true);
    expect(kubectl(api, "kubectl get pods -l nothing=here -o name")).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "",
    });
    expect(kubectl(api, "kubectl get pod running crashloop -o name").stdout).toBe(
      "pod/running\npod/crashloop\n",
    );
    expect(
      kubectl(api, "kubectl get pod crashloop -o jsonpath={.status.containerStatuses[0].restartCount}")
        .stdout,
    ).toBe("3");
    expect(
      kubectl(api, `kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\n"}{end}' -l none=x`)
        .stdout,
    ).toBe("");
  });

  it("says when nothing is found, and not-found per name", () => {
    const api = new FakeCluster();
    expect(kubectl(api, "kubectl get pods")).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "No resources found in default namespace.\n",
    });
    expect(kubectl(api, "kubectl get pods -n prod").stderr).toBe("No resources found in prod namespace.\n");
    expect(kubectl(api, "kubectl get pods -A").stderr).toBe("No resources found\n");
    expect(kubectl(api, "kubectl get pod x")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'Error from server (NotFound): pods "x" not found\n',
    });
  });

  it("rejects --watch in a replay", () => {
    const r = kubectl(zoo(), "kubectl get pods -w");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: --watch is not supported in Podlife/);
  });

  it("rejects an unknown resource type", () => {
    expect(kubectl(zoo(), "kubectl get frobs").stderr).toBe(
      'error: the server doesn\'t have a resource type "frobs"\n',
    );
  });
});

function event(
  name: string,
  reason: string,
  message: string,
  type: "Normal" | "Warning",
  firstMs: number,
  lastMs: number,
  count: number,
  fieldPath?: string,
): ApiEvent {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: {
      name: `${name}.${reason.toLowerCase()}`,
      namespace: "default",
      uid: `ev-${name}-${reason}`,
      creationTimestamp: ts(firstMs),
    },
    involvedObject: {
      kind: "Pod",
      name,
      namespace: "default",
      uid: `uid-${name}`,
      apiVersion: "v1",
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    type,
    source: { component: "kubelet", host: "node-1" },
    count,
    firstTimestamp: ts(firstMs),
    lastTimestamp: ts(lastMs),
    eventTime: `${ts(firstMs).slice(0, -1)}.000000Z`,
    reportingComponent: "kubelet",
    reportingInstance: "node-1",
  };
}

describe("kubectl get events", () => {
  function cluster(): FakeCluster {
    const api = new FakeCluster();
    api.now = 120_000;
    api.eventList.push(
      event(
        "web",
        "Pulled",
        'Container image "nginx:1.27" already present on machine',
        "Normal",
        2000,
        2000,
        1,
        "spec.containers{app}",
      ),
      event(
        "web",
        "BackOff",
        "Back-off restarting failed container app in pod web_default(uid-web)",
        "Warning",
        42_000,
        116_000,
        3,
        "spec.containers{app}",
      ),
    );
    return api;
  }

  it("prints LAST SEEN, TYPE, REASON, OBJECT and MESSAGE", () => {
    expect(kubectl(cluster(), "kubectl get events").stdout).toBe(
      [
        "LAST SEEN   TYPE      REASON    OBJECT    MESSAGE",
        '118s        Normal    Pulled    pod/web   Container image "nginx:1.27" already present on machine',
        "4s          Warning   BackOff   pod/web   Back-off restarting failed container app in pod web_default(uid-web)",
        "",
      ].join("\n"),
    );
  });

  it("prints a v1 List of v1 Events with -o json", () => {
    const list = JSON.parse(kubectl(cluster(), "kubectl get events -o json").stdout);
    expect(list.apiVersion).toBe("v1");
    expect(list.kind).toBe("List");
    expect(list.items.map((e: ApiEvent) => [e.kind, e.reason, e.count])).toEqual([
      ["Event", "Pulled", 1],
      ["Event", "BackOff", 3],
    ]);
  });
});

describe("kubectl describe pod", () => {
  it("aggregates repeated events as `4s (x3 over 78s)`", () => {
    const api = new FakeCluster();
    api.now = 120_000;
    api.objects.push(pod("web", { status: { containerStatuses: [running("app", 1000)] } }));
    api.eventList.push(
      event(
        "web",
        "Pulled",
        'Container image "nginx:1.27" already present on machine',
        "Normal",
        2000,
        2000,
        1,
      ),
      event(
        "web",
        "BackOff",
        "Back-off restarting failed container app in pod web_default(uid-web)",
        "Warning",
        42_000,
        116_000,
        3,
      ),
    );
    const r = kubectl(api, "kubectl describe pod web");
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith("Name:         web\nNamespace:    default\n")).toBe(true);
    expect(
      r.stdout.endsWith(
        [
          "Events:",
          "  Type     Reason   Age               From     Message",
          "  ----     ------   ----              ----     -------",
          '  Normal   Pulled   118s              kubelet  Container image "nginx:1.27" already present on machine',
          "  Warning  BackOff  4s (x3 over 78s)  kubelet  Back-off restarting failed container app in pod web_default(uid-web)",
          "",
        ].join("\n"),
      ),
    ).toBe(true);
  });

  it("reports a missing pod", () => {
    expect(kubectl(new FakeCluster(), "kubectl describe pod nope")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
    });
  });
});

describe("kubectl get with several types", () => {
  function cluster(): FakeCluster {
    const api = new FakeCluster();
    api.now = T;
    api.objects.push(pod("web", { status: { containerStatuses: [running("app", 1000)] } }));
    return api;
  }

  it("prefixes names with the kind when several types were asked for, even if one came back", () => {
    expect(kubectl(cluster(), "kubectl get pods,services").stdout).toBe(
      "NAME      READY   STATUS    RESTARTS   AGE\npod/web   1/1     Running   0          10m\n",
    );
    expect(kubectl(cluster(), "kubectl get all").stdout).toBe(
      "NAME      READY   STATUS    RESTARTS   AGE\npod/web   1/1     Running   0          10m\n",
    );
    expect(kubectl(cluster(), "kubectl get pods").stdout).toBe(
      "NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10m\n",
    );
  });

  it("says nothing was found for `get all` in an empty namespace", () => {
    expect(kubectl(new FakeCluster(), "kubectl get all")).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "No resources found in default namespace.\n",
    });
  });
});

describe("kubectl get -o custom-columns and jsonpath filters", () => {
  function cluster(): FakeCluster {
    const api = new FakeCluster();
    api.now = T;
    api.objects.push(
      pod("a", {
        labels: { app: "web" },
        status: {
          conditions: [
            { type: "Initialized", status: "True" },
            { type: "Ready", status: "False" },
          ],
          containerStatuses: [running("app", 0, { restartCount: 2 })],
        },
      }),
      pod("b", { spec: { nodeName: "node-2" } }),
    );
    return api;
  }

  it("prints the requested columns", () => {
    const r = kubectl(
      cluster(),
      "kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,RESTARTS:.status.containerStatuses[*].restartCount,APP:.metadata.labels.app",
    );
    expect(r.stdout).toBe(
      [
        "NAME   NODE     RESTARTS   APP",
        "a      node-1   2          web",
        "b      node-2   <none>     <none>",
        "",
      ].join("\n"),
    );
    expect(kubectl(cluster(), "kubectl get pods -o custom-columns=NAME").stderr).toBe(
      "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n",
    );
  });

  it("filters arrays in jsonpath", () => {
    expect(
      kubectl(cluster(), `kubectl get pod a -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'`)
        .stdout,
    ).toBe("False");
    expect(kubectl(cluster(), "kubectl get pods -o jsonpath={.items[-1:].metadata.name}").stdout).toBe("b");
  });
});
