/**
 * What the page was opened with, read from its location: playground or embed view, and which
 * scenario (from the hash, or the default demo). Takes the location as a parameter so it is
 * testable without a browser.
 */
import { readEmbedParams } from "../share/embed-params.ts";
import { decodeScenarioHash } from "../share/scenario-hash.ts";

/** How to start the app. */
export interface Launch {
  mode: "playground" | "embed";
  /** The scenario text to open. */
  text: string;
  /** Where the text came from. */
  source: "hash" | "default";
  /** Set when the hash held a scenario that could not be read (the default is shown instead). */
  hashError?: string;
}

/** Reads the launch parameters from `location` (only `search` and `hash` are used). */
export function readLaunch(location: { search: string; hash: string }, defaultText: string): Launch {
  const mode = readEmbedParams(location.search).embed ? "embed" : "playground";
  const decoded = decodeScenarioHash(location.hash);
  if (decoded.kind === "scenario") return { mode, text: decoded.text, source: "hash" };
  const launch: Launch = { mode, text: defaultText, source: "default" };
  if (decoded.kind === "error") launch.hashError = decoded.message;
  return launch;
}
