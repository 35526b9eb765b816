/**
 * Which language the interface speaks: the link's `lang` parameter, else the first of the
 * browser's preferred languages that we have, else English.
 */
import { type Language, languageOf } from "../../share/view-params.ts";

/** The language for a link's `lang` (if any) and the browser's `navigator.languages`. */
export function pickLanguage(fromLink: Language | undefined, preferred: readonly string[]): Language {
  if (fromLink) return fromLink;
  for (const tag of preferred) {
    const lang = languageOf(tag);
    if (lang) return lang;
  }
  return "en";
}
