/** Helpers for the controllers' tests: a simulation from YAML, and quick reads of its cluster. */

import { createSimulation, type Simulation } from "../index.ts";
import type { ApiObject } from "../kubectl/api.ts";

/** Loads a scenario text into a simulation (throws on diagnostics: tests write valid YAML). */
export function simulate(text: string): Simulation {
  const created = createSimulation(text);
  if (!created.ok) throw new Error(JSON.stringify(created.diagnostics));
  return created.simulation;
}

/** The pods in the default namespace, in creation order. */
export function podsOf(sim: Simulation): ApiObject[] {
  return sim.cluster.list("Pod", "default");
}

/** Event messages recorded by one component, in order, as `Reason: message`. */
export function eventsFrom(sim: Simulation, component: string): string[] {
  return sim.cluster.recorder.occurrences
    .filter((o) => o.source === component)
    .map((o) => `${o.reason}: ${o.message}`);
}

/** A Deployment or ReplicaSet manifest with one nginx container (extra YAML is appended to its spec). */
export function workload(
  kind: "Deployment" | "ReplicaSet",
  name: string,
  replicas: number,
  extraSpec = "",
  containerExtra = "",
): string {
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
${extraSpec}  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
${containerExtra}`;
}
