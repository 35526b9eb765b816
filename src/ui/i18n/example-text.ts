/**
 * The gallery's words for an example in the interface language: the example's own English title
 * and summary, or a translation when the language has one for that example.
 */
import type { Language } from "../../share/view-params.ts";
import type { Example } from "../examples.ts";
import { EXAMPLES_ZH } from "./examples-zh.ts";

/** What the gallery and the example picker show of an example. */
export interface ExampleText {
  title: string;
  summary: [string, string];
}

const TRANSLATIONS: Partial<Record<Language, Readonly<Record<string, ExampleText>>>> = { zh: EXAMPLES_ZH };

/** The title and summary of `example` in `lang`. */
export function exampleText(example: Example, lang: Language): ExampleText {
  return TRANSLATIONS[lang]?.[example.id] ?? { title: example.title, summary: example.summary };
}
