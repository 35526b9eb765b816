/**
 * A swimlane item's hover text in a language other than English: the layout writes English hover
 * texts (they are also the SVG export's `<title>`s), so another language builds its own from the
 * details panel's words — heading, time and why — keeping how many items a merged mark stands for.
 */
import type { ItemDetails } from "../viz/items.ts";
import { formatVirtualTime } from "../viz/time-format.ts";

/** The count at the head of a merged item's English hover text (`3 × SIGTERM, …`, `12 failed requests, …`). */
const MERGED = /^(\d+) (?:× |failed requests,)/;

/** The hover text for `details`, given the layout's English `title` of the same item. */
export function localHoverText(title: string, details: ItemDetails | undefined): string {
  if (!details) return title;
  const count = MERGED.exec(title)?.[1];
  const when =
    details.endMs !== undefined && details.endMs !== details.startMs
      ? `${formatVirtualTime(details.startMs)} → ${formatVirtualTime(details.endMs)}`
      : formatVirtualTime(details.startMs);
  return [`${count ? `${count} × ` : ""}${details.heading}`, when, details.why].join("\n");
}
