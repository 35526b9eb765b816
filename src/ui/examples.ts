/**
 * The built-in scenarios (the gallery starts with the three demos of the tutorial). The first one
 * is what the playground opens with.
 */
import gracestop from "./examples/gracestop.yaml?raw";
import initPod from "./examples/init-pod.yaml?raw";
import livenessExec from "./examples/liveness-exec.yaml?raw";

/** A named built-in scenario. */
export interface Example {
  id: string;
  title: string;
  text: string;
}

export const EXAMPLES: readonly Example[] = [
  { id: "init-pod", title: "Init container and shared volume", text: initPod },
  { id: "liveness-exec", title: "Liveness probe (exec)", text: livenessExec },
  { id: "gracestop", title: "preStop hooks and graceful stop", text: gracestop },
];

/** The scenario the playground and the embed view show when the URL carries none. */
export const DEFAULT_EXAMPLE: Example = EXAMPLES[0]!;
