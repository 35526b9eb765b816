import { describe, expect, it } from "vitest";
import { parseByteSize } from "./quantity.ts";

describe("parseByteSize", () => {
  it.each([
    ["45MB", 45_000_000],
    ["45M", 45_000_000],
    ["45Mi", 45 * 1024 * 1024],
    ["1.5GiB", 1.5 * 1024 ** 3],
    ["10B", 10],
    ["2156741", 2156741],
    [2156741, 2156741],
  ])("%j is %d bytes", (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each(["45XB", "-1", "MB", -5, null, true])("rejects %j", (value) => {
    expect(parseByteSize(value)).toBeUndefined();
  });
});
