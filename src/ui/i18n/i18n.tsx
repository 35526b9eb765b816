/**
 * The interface language: a React context holding the language in effect, and the message
 * catalogs. Components read strings with `useMessages()`; without a provider they get English.
 * English is built in; another language's catalogs are loaded by `loadLanguage` before the first
 * render (the language is fixed for the page's life), so no English flashes first.
 */
import { createContext, type ReactNode, useContext } from "react";
import type { Language } from "../../share/view-params.ts";
import { type DetailsLanguage, ENGLISH } from "../../viz/details-text.ts";
import { en, type Messages } from "./en.ts";

/** One language's words: the interface strings and the details panel's headings, facts and why sentences. */
export interface LanguageCatalogs {
  messages: Messages;
  details: DetailsLanguage;
}

const ENGLISH_CATALOGS: LanguageCatalogs = { messages: en, details: ENGLISH };
const loaded: Partial<Record<Language, LanguageCatalogs>> = { en: ENGLISH_CATALOGS };

/** Imports the catalogs of each language but English. */
const LOADERS: Record<Exclude<Language, "en">, () => Promise<LanguageCatalogs>> = {
  zh: async () => (await import("./zh-catalogs.ts")).ZH,
};

/** Loads `lang`'s catalogs (once); English needs nothing. */
export async function loadLanguage(lang: Language): Promise<LanguageCatalogs> {
  const have = loaded[lang];
  if (have) return have;
  const catalogs = await LOADERS[lang as Exclude<Language, "en">]();
  loaded[lang] = catalogs;
  return catalogs;
}

/** The catalogs of `lang` when loaded, else English. */
export function catalogsOf(lang: Language): LanguageCatalogs {
  return loaded[lang] ?? ENGLISH_CATALOGS;
}

const LanguageContext = createContext<Language>("en");

/** Provides `lang` and its catalog to everything inside. */
export function LanguageProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  return <LanguageContext.Provider value={lang}>{children}</LanguageContext.Provider>;
}

/** The interface language. */
export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** The details panel's words in the interface language. */
export function useDetailsLanguage(): DetailsLanguage {
  return catalogsOf(useContext(LanguageContext)).details;
}

/** The strings of the interface language. */
export function useMessages(): Messages {
  return catalogsOf(useContext(LanguageContext)).messages;
}
