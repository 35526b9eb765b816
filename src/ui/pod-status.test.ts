import { describe, expect, it } from "vitest";
import { SAMPLE_TIMELINE } from "../viz/fixtures.ts";
import { podStatusAt } from "./pod-status.ts";

describe("podStatusAt", () => {
  const pod = SAMPLE_TIMELINE.pods[0]!;

  it("reads phase, conditions and container states at a time", () => {
    const s = podStatusAt(pod, 3000);
    expect(s.phase).toBe("Pending");
    expect(s.containers.map((c) => [c.name, c.state, c.detail])).toEqual([
      ["install", "Waiting", "ContainerCreating"],
      ["nginx", "Waiting", "PodInitializing"],
    ]);
  });

  it("follows the container through running to ready", () => {
    expect(podStatusAt(pod, 15_000).containers[1]).toMatchObject({ state: "Running", ready: false });
    const s = podStatusAt(pod, 30_000);
    expect(s.phase).toBe("Running");
    expect(s.containers[0]).toMatchObject({ state: "Terminated", detail: "Completed (exit code 0)" });
    expect(s.containers[1]).toMatchObject({ state: "Running", ready: true, restarts: 0 });
  });
});
