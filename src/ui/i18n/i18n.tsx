/**
 * The interface language: a React context holding the message catalog of the language in effect.
 * Components read strings with `useMessages()`; without a provider they get English.
 */
import { createContext, type ReactNode, useContext } from "react";
import type { Language } from "../../share/view-params.ts";
import { en, type Messages } from "./en.ts";
import { zh } from "./zh.ts";

/** Every catalog by language. */
export const CATALOGS: Record<Language, Messages> = { en, zh };

const MessagesContext = createContext<Messages>(en);

/** Provides the catalog of `lang` to everything inside. */
export function LanguageProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  return <MessagesContext.Provider value={CATALOGS[lang]}>{children}</MessagesContext.Provider>;
}

/** The strings of the interface language. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
