/**
 * The scenario a page opened without one shows: the tutorial's first demo (the gallery's first
 * example). Its own module so the embed view gets it without the gallery's other examples.
 */
import initPod from "./examples/init-pod.yaml?raw";

/** The text of the default scenario. */
export const DEFAULT_SCENARIO_TEXT: string = initPod;
