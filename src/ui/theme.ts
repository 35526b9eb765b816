/**
 * Light and dark themes. The choice (system, light or dark) is kept in localStorage and put on
 * `<html>` as `data-theme`; the theme in effect is `data-effective-theme`, which the style sheet,
 * the swimlanes and the editor follow.
 */

/** What the user chose. */
export type ThemeChoice = "system" | "light" | "dark";

const STORAGE_KEY = "podlife.theme";
const CHOICES: readonly ThemeChoice[] = ["system", "light", "dark"];

/**
 * The page's localStorage, or undefined where touching it throws (a sandboxed iframe without
 * `allow-same-origin` raises a SecurityError on the property access itself).
 */
export function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Reads the stored choice (anything unknown means "system"). */
export function readThemeChoice(storage: Pick<Storage, "getItem"> | undefined): ThemeChoice {
  try {
    const v = storage?.getItem(STORAGE_KEY);
    return CHOICES.includes(v as ThemeChoice) ? (v as ThemeChoice) : "system";
  } catch {
    return "system"; // storage can be unavailable (privacy settings, sandboxed iframes)
  }
}

/** The theme in effect for a choice, given whether the system prefers dark. */
export function effectiveTheme(choice: ThemeChoice, systemDark: boolean): "light" | "dark" {
  return choice === "system" ? (systemDark ? "dark" : "light") : choice;
}

const darkQuery = () => window.matchMedia("(prefers-color-scheme: dark)");

/** Puts a choice on the document (and keeps following the system while the choice is "system"). */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  root.dataset.theme = choice;
  root.dataset.effectiveTheme = effectiveTheme(choice, darkQuery().matches);
}

/** Stores and applies a choice. */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Not stored; it still applies to this page.
  }
  applyTheme(choice);
}

/**
 * Applies the stored choice, or `fromLink` (a link's `theme`, applied to this page without being
 * stored), and follows system changes; call once at start-up.
 */
export function initTheme(fromLink?: ThemeChoice): void {
  applyTheme(fromLink ?? readThemeChoice(pageStorage()));
  darkQuery().addEventListener("change", () =>
    applyTheme((document.documentElement.dataset.theme as ThemeChoice | undefined) ?? "system"),
  );
}

/** The choice in effect on the page (stored, or from the link). */
export function currentThemeChoice(): ThemeChoice {
  const v = document.documentElement.dataset.theme;
  return CHOICES.includes(v as ThemeChoice) ? (v as ThemeChoice) : "system";
}

/** Calls `listener` whenever the choice changes (the theme switch); returns a function that stops it. */
export function onThemeChoiceChange(listener: (choice: ThemeChoice) => void): () => void {
  const observer = new MutationObserver(() => listener(currentThemeChoice()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

/** Whether the theme in effect is dark. */
export function isDarkTheme(): boolean {
  return document.documentElement.dataset.effectiveTheme === "dark";
}

/** Calls `listener` whenever the theme in effect changes; returns a function that stops it. */
export function onThemeChange(listener: (dark: boolean) => void): () => void {
  const observer = new MutationObserver(() => listener(isDarkTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-effective-theme"] });
  return () => observer.disconnect();
}
