import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { catalogsOf, loadLanguage } from "./i18n.tsx";
import { pickLanguage } from "./language.ts";

describe("pickLanguage", () => {
  it("takes the link's language first", () => {
    expect(pickLanguage("en", ["zh-CN"])).toBe("en");
    expect(pickLanguage("zh", ["en-US"])).toBe("zh");
  });
  it("else the first preferred language it knows", () => {
    expect(pickLanguage(undefined, ["fr-FR", "zh-Hans-CN", "en"])).toBe("zh");
    expect(pickLanguage(undefined, ["de"])).toBe("en");
    expect(pickLanguage(undefined, [])).toBe("en");
  });
});

describe("catalogs", () => {
  it("give every key in every language, with no string left empty", async () => {
    const catalogs = { en: (await loadLanguage("en")).messages, zh: (await loadLanguage("zh")).messages };
    for (const [lang, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, v] of Object.entries(catalog)) {
        const text = typeof v === "function" ? (v as (...a: unknown[]) => string)(1, "x", "2") : v;
        expect(text.trim(), `${lang}.${key}`).not.toBe("");
      }
    }
  });
  it("translate: Chinese strings are not the English ones", async () => {
    const zh = (await loadLanguage("zh")).messages;
    expect(zh.play).not.toBe(en.play);
    expect(zh.copyLink).toMatch(/[\u4e00-\u9fff]/);
  });
  it("are English until another language is loaded", async () => {
    expect(catalogsOf("en").messages).toBe(en);
    await loadLanguage("zh");
    expect(catalogsOf("zh").messages.play).not.toBe(en.play);
  });
});
