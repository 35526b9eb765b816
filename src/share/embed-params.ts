/**
 * Parameters of the embed view, read from the query string (`?embed=1`). Only non-default
 * settings appear in the query; the scenario itself travels in the hash.
 */

/** How the page was asked to show itself. */
export interface EmbedParams {
  /** Read-only swimlanes for an iframe: no editor, small download. */
  embed: boolean;
}

/** Reads the embed parameters from a query string such as `?embed=1`. */
export function readEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const v = q.get("embed");
  return { embed: v !== null && v !== "0" && v !== "false" };
}
