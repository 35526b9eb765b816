/**
 * Local work: the editor's text saved in the browser as you type, so that a reload, a closed tab
 * or a shared link never loses an edit. Pure functions over a Storage-like interface; the React
 * hook in `src/ui/use-local-work.ts` wires them to `localStorage` and `sessionStorage`.
 *
 * The design, chosen so that two tabs cannot clobber each other:
 *
 * - Each tab has a **work id**, kept in `sessionStorage` (so it survives a reload of that tab and
 *   no other tab sees it). A tab saves its text in `localStorage` under its own key,
 *   `podlife.work.<id>`, as `{ text, savedAtMs }`. No tab ever writes another tab's entry.
 * - A tab restores its own entry when it has one (a reload); a new tab restores the most recently
 *   edited entry of any tab (the work you were doing last), and from then on saves under its own
 *   id, so the two tabs diverge without overwriting each other.
 * - An entry records whether its text was **edited** or is exactly what a link opened: an unedited
 *   link is restored on a reload of its tab but is no work to protect, so opening another link
 *   does not ask about it.
 * - A duplicated tab starts with a copy of `sessionStorage`, so two tabs can share an id. The
 *   `storage` event (fired only in *other* documents) tells a tab that someone else wrote its
 *   entry; it then takes a fresh id and saves its own text there ({@link isOwnEntryChange}).
 * - Opening a shared link while there is different local work asks first ({@link decideStart});
 *   if the shared scenario is opened, the tab takes a fresh id, so the local work stays saved
 *   under the old one.
 * - Only the {@link MAX_ENTRIES} newest entries are kept; saving prunes the oldest.
 *
 * In compare mode an entry holds both variants ({@link ScenarioWork}): the pair is one piece of
 * work, restored, compared and asked about together. Entries saved before compare mode existed
 * read as variant A alone.
 *
 * Storage can be missing or throw (privacy settings, a full quota, a sandboxed iframe): every
 * access is guarded, and without storage nothing is saved and nothing is restored.
 */
import { type CompareSession, readCompareSession, type ScenarioWork, sameWork } from "./scenario-work.ts";

/** The part of the Web Storage interface this module uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

/** One tab's saved work. */
export interface SavedWork {
  /** The work id of the tab that saved it. */
  id: string;
  /** Variant A's text (the only one outside compare mode). */
  text: string;
  /** Variant B, when the work is a compare session. */
  compare?: CompareSession;
  /** When it was saved (milliseconds since the epoch). */
  savedAtMs: number;
  /** False when the text is exactly what a link or the default opened (nothing to lose). */
  edited: boolean;
}

/** The prefix of the `localStorage` keys that hold saved work. */
export const WORK_KEY_PREFIX = "podlife.work.";
/** The `sessionStorage` key that holds this tab's work id. */
export const WORK_ID_KEY = "podlife.workId";
/** How many saved entries are kept (the newest). */
export const MAX_ENTRIES = 10;

/** The `localStorage` key of a work id's entry. */
export function workKey(id: string): string {
  return `${WORK_KEY_PREFIX}${id}`;
}

/** A new random work id. */
export function newWorkId(random: () => number = Math.random, nowMs: number = Date.now()): string {
  return `${nowMs.toString(36)}-${Math.floor(random() * 2 ** 32).toString(36)}`;
}

/**
 * This tab's work id: the one in `session` if there is one, or `freshId` (stored in `session`
 * for the next reload). Without session storage, every page load gets a fresh id.
 */
export function tabWorkId(session: StorageLike | undefined, freshId: string): string {
  try {
    const id = session?.getItem(WORK_ID_KEY);
    if (id) return id;
  } catch {
    // Unavailable: a fresh id for this page load only.
  }
  setWorkId(session, freshId);
  return freshId;
}

/** Stores `id` as this tab's work id (when session storage is available). */
export function setWorkId(session: StorageLike | undefined, id: string): void {
  try {
    session?.setItem(WORK_ID_KEY, id);
  } catch {
    // Not stored: the id lasts for this page load.
  }
}

/** Reads an entry's stored value; anything malformed reads as nothing. */
export function parseSavedWork(id: string, raw: string | null): SavedWork | undefined {
  if (raw === null) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null) return undefined;
    const { text, savedAtMs, edited, compare } = v as {
      text?: unknown;
      savedAtMs?: unknown;
      edited?: unknown;
      compare?: unknown;
    };
    if (typeof text !== "string" || typeof savedAtMs !== "number" || !Number.isFinite(savedAtMs))
      return undefined;
    const work: SavedWork = { id, text, savedAtMs, edited: edited !== false };
    const session = compare === undefined ? undefined : readCompareSession(compare);
    if (session) work.compare = session;
    return work;
  } catch {
    return undefined;
  }
}

/** The entry saved under `id`, if any. */
export function readWork(local: StorageLike | undefined, id: string): SavedWork | undefined {
  try {
    return parseSavedWork(id, local?.getItem(workKey(id)) ?? null);
  } catch {
    return undefined;
  }
}

/** Every saved entry, newest first. */
export function listWork(local: StorageLike | undefined): SavedWork[] {
  const entries: SavedWork[] = [];
  try {
    if (!local) return entries;
    const keys: string[] = [];
    for (let i = 0; i < local.length; i++) {
      const k = local.key(i);
      if (k?.startsWith(WORK_KEY_PREFIX)) keys.push(k);
    }
    for (const k of keys) {
      const w = parseSavedWork(k.slice(WORK_KEY_PREFIX.length), local.getItem(k));
      if (w) entries.push(w);
    }
  } catch {
    // Whatever was read so far.
  }
  return entries.sort((a, b) => b.savedAtMs - a.savedAtMs);
}

/** The most recently saved edited entry of any tab. */
export function latestWork(local: StorageLike | undefined): SavedWork | undefined {
  return listWork(local).find((w) => w.edited);
}

/** The work an entry holds, without its bookkeeping. */
export function workOf(saved: SavedWork): ScenarioWork {
  return saved.compare ? { text: saved.text, compare: saved.compare } : { text: saved.text };
}

/**
 * Saves `work` under `id` and prunes entries beyond {@link MAX_ENTRIES}. Returns whether it was
 * stored (false when storage is missing or full).
 */
export function saveWork(
  local: StorageLike | undefined,
  id: string,
  work: ScenarioWork,
  nowMs: number,
  edited = true,
): boolean {
  if (!local) return false;
  try {
    const { text, compare } = work;
    local.setItem(workKey(id), JSON.stringify({ text, savedAtMs: nowMs, edited, compare }));
  } catch {
    return false;
  }
  try {
    for (const old of listWork(local).slice(MAX_ENTRIES)) local.removeItem(workKey(old.id));
  } catch {
    // Pruning is best effort.
  }
  return true;
}

/** What the page was opened with, as far as local work is concerned. */
export interface StartInput {
  /** The scenario (or compare session) in the link's hash, when it held one. */
  shared?: ScenarioWork | undefined;
  /** This tab's own saved entry (present after a reload). */
  tabWork?: SavedWork | undefined;
  /** The newest edited entry of any tab. */
  latestWork?: SavedWork | undefined;
  /** The default scenario: local work equal to it is no work to keep. */
  defaultText: string;
}

/** What to show first: the work to put in the editor, and where it came from. */
export interface StartDecision extends ScenarioWork {
  source: "shared" | "local" | "default";
  /**
   * Set when the link's work differs from local work: the editor shows the local work and the
   * user is asked whether to open this shared work instead.
   */
  pendingShared?: ScenarioWork;
}

/**
 * Decides what the editor starts with. A link's work is shown directly unless there is
 * different edited local work (the tab's own, else the newest of any tab), in which case the
 * local work is shown and the link waits for the user's choice: opening a link never silently
 * replaces work. Without a link, the tab's own entry, else the newest edited one, is restored.
 */
export function decideStart(input: StartInput): StartDecision {
  const worth = (w: SavedWork | undefined) =>
    w && (w.text !== input.defaultText || w.compare) ? workOf(w) : undefined;
  if (input.shared !== undefined) {
    const work = worth(input.tabWork ? (input.tabWork.edited ? input.tabWork : undefined) : input.latestWork);
    if (work === undefined || sameWork(work, input.shared)) return { ...input.shared, source: "shared" };
    return { ...work, source: "local", pendingShared: input.shared };
  }
  const restored = worth(input.tabWork ?? input.latestWork);
  if (restored !== undefined) return { ...restored, source: "local" };
  return { text: input.defaultText, source: "default" };
}

/**
 * Whether a `storage` event says that another document wrote this tab's own entry (a duplicated
 * tab sharing the work id); the tab should then move to a fresh id.
 */
export function isOwnEntryChange(
  event: { key: string | null; newValue: string | null },
  id: string,
): boolean {
  return event.key === workKey(id) && event.newValue !== null;
}
