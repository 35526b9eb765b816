import { describe, expect, it } from "vitest";
import { jsonPatch, mergePatch, PatchError, strategicMergePatch } from "./patch.ts";

const pod = {
  metadata: { name: "p", labels: { a: "1", b: "2" } },
  spec: {
    containers: [
      { name: "app", image: "nginx:1.27" },
      { name: "side", image: "busybox" },
    ],
  },
};

describe("patches", () => {
  it("merge patch: objects merge, null deletes, lists are replaced", () => {
    const out = mergePatch(pod, {
      metadata: { labels: { b: null, c: "3" } },
      spec: { containers: [{ name: "x" }] },
    });
    expect(out).toEqual({
      metadata: { name: "p", labels: { a: "1", c: "3" } },
      spec: { containers: [{ name: "x" }] },
    });
  });

  it("strategic merge patch merges keyed lists item by item", () => {
    const out = strategicMergePatch(pod, {
      spec: { containers: [{ name: "app", image: "nginx:1.28" }] },
    }) as typeof pod;
    expect(out.spec.containers).toEqual([
      { name: "app", image: "nginx:1.28" },
      { name: "side", image: "busybox" },
    ]);
    const conds = strategicMergePatch(
      { status: { conditions: [{ type: "Ready", status: "False" }] } },
      { status: { conditions: [{ type: "x/y", status: "True" }] } },
    );
    expect(conds).toEqual({
      status: {
        conditions: [
          { type: "Ready", status: "False" },
          { type: "x/y", status: "True" },
        ],
      },
    });
  });

  it("JSON patch: add, replace, remove, test", () => {
    const out = jsonPatch(pod, [
      { op: "replace", path: "/spec/containers/0/image", value: "nginx:1.28" },
      { op: "add", path: "/metadata/labels/c", value: "3" },
      { op: "remove", path: "/metadata/labels/a" },
      { op: "test", path: "/metadata/name", value: "p" },
    ]) as typeof pod;
    expect(out.spec.containers[0]?.image).toBe("nginx:1.28");
    expect(out.metadata.labels).toEqual({ b: "2", c: "3" });
    expect(() => jsonPatch(pod, [{ op: "remove", path: "/spec/nothing" }])).toThrow(PatchError);
    expect(() => jsonPatch(pod, [{ op: "test", path: "/metadata/name", value: "q" }])).toThrow(/test failed/);
  });
});
