import { describe, expect, it } from "vitest";
import { effectiveTheme, readThemeChoice } from "./theme.ts";

describe("theme", () => {
  it("reads the stored choice, defaulting to the system's", () => {
    expect(readThemeChoice({ getItem: () => "dark" })).toBe("dark");
    expect(readThemeChoice({ getItem: () => "purple" })).toBe("system");
    expect(readThemeChoice({ getItem: () => null })).toBe("system");
    expect(readThemeChoice(undefined)).toBe("system");
    expect(
      readThemeChoice({
        getItem: () => {
          throw new Error("denied");
        },
      }),
    ).toBe("system");
  });

  it("resolves the system choice by the system's preference", () => {
    expect(effectiveTheme("system", true)).toBe("dark");
    expect(effectiveTheme("system", false)).toBe("light");
    expect(effectiveTheme("light", true)).toBe("light");
    expect(effectiveTheme("dark", false)).toBe("dark");
  });
});
