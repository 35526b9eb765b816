/** Types of scripts/embed-size.mjs (plain JavaScript, so `npm test` runs it without a build step). */
export declare const EMBED_BUDGET_KB: number;
export declare const EMBED_TOTAL_CEILING_KB: number;
export declare function checkEmbedSize(report: unknown): { ok: boolean; line: string };
