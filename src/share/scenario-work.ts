/**
 * A piece of work as links and local work carry it: variant A's text and, in compare mode,
 * variant B with the tabs' titles and which tab is open. The pair is one piece of work: it is
 * saved, shared, asked about and undone together.
 */

/** Variant B of a compare session, with the two tabs' titles and the tab that is open. */
export interface CompareSession {
  /** Variant B's text. */
  text: string;
  /** The titles of tabs A and B. */
  titles: [string, string];
  /** The tab open in the editor. */
  tab: "A" | "B";
}

/** Variant A's text, plus variant B when comparing. */
export interface ScenarioWork {
  text: string;
  compare?: CompareSession | undefined;
}

/** Whether two pieces of work hold the same texts (the open tab and the titles do not count). */
export function sameWork(a: ScenarioWork, b: ScenarioWork): boolean {
  return a.text === b.text && a.compare?.text === b.compare?.text;
}

/** The longest title a link or a saved entry may give a tab (longer ones are cut). */
const MAX_TITLE_CHARS = 80;

/** Reads a compare session from untrusted data (a link or storage); anything malformed is undefined. */
export function readCompareSession(v: unknown): CompareSession | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const { text, titles, tab } = v as { text?: unknown; titles?: unknown; tab?: unknown };
  if (typeof text !== "string") return undefined;
  if (!Array.isArray(titles) || titles.length !== 2 || !titles.every((t) => typeof t === "string"))
    return undefined;
  const [a, b] = (titles as string[]).map((t) => t.slice(0, MAX_TITLE_CHARS));
  return { text, titles: [a!, b!], tab: tab === "B" ? "B" : "A" };
}
