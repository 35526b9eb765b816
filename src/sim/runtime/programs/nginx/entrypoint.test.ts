import { describe, expect, it } from "vitest";
import { versionSort } from "./entrypoint.ts";

describe("versionSort", () => {
  it("orders digit runs as numbers, the same every time it is asked", () => {
    const names = [
      "20-envsubst-on-templates.sh",
      "100-late.sh",
      "9-early.sh",
      "10-listen.sh",
      "10-listen.envsh",
    ];
    const expected = [
      "9-early.sh",
      "10-listen.envsh",
      "10-listen.sh",
      "20-envsubst-on-templates.sh",
      "100-late.sh",
    ];
    expect([...names].sort(versionSort)).toEqual(expected);
    // More distinct names than it remembers, then the first ones again.
    const many = Array.from({ length: 600 }, (_, i) => `${600 - i}-x.sh`);
    expect([...many].sort(versionSort)[0]).toBe("1-x.sh");
    expect([...names].reverse().sort(versionSort)).toEqual(expected);
  });
});
