/**
 * Everything the interface says in Simplified Chinese, as one module: `i18n.tsx` imports it only
 * when the page opens in Chinese, so an English page never downloads it.
 */
import type { LanguageCatalogs } from "./i18n.tsx";
import { DETAILS_ZH } from "./why-zh.ts";
import { zh } from "./zh.ts";

/** The Chinese interface strings and details-panel words. */
export const ZH: LanguageCatalogs = { messages: zh, details: DETAILS_ZH };
