/**
 * The interface language: a React context holding the language in effect and its message
 * catalog. Components read strings with `useMessages()`; without a provider they get English.
 */
import { createContext, type ReactNode, useContext } from "react";
import type { Language } from "../../share/view-params.ts";
import { type DetailsLanguage, ENGLISH } from "../../viz/details-text.ts";
import { en, type Messages } from "./en.ts";
import { DETAILS_ZH } from "./why-zh.ts";
import { zh } from "./zh.ts";

/** Every catalog by language. */
export const CATALOGS: Record<Language, Messages> = { en, zh };

const LanguageContext = createContext<Language>("en");

/** Provides `lang` and its catalog to everything inside. */
export function LanguageProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  return <LanguageContext.Provider value={lang}>{children}</LanguageContext.Provider>;
}

/** The interface language. */
export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** The details panel's words (headings, facts, why sentences) in each language. */
export const DETAILS: Record<Language, DetailsLanguage> = { en: ENGLISH, zh: DETAILS_ZH };

/** The details panel's words in the interface language. */
export function useDetailsLanguage(): DetailsLanguage {
  return DETAILS[useContext(LanguageContext)];
}

/** The strings of the interface language. */
export function useMessages(): Messages {
  return CATALOGS[useContext(LanguageContext)];
}
