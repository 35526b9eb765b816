import { describe, expect, it } from "vitest";
import { createMessageHandler } from "./handle-message.ts";
import { compareRequest, decodeRequest, isReply, PROTOCOL_VERSION } from "./protocol.ts";

const POD = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: nginx
    image: nginx
`;

describe("worker protocol: compare", () => {
  it("simulates each variant, in order, through structured clone both ways", async () => {
    const handle = createMessageHandler();
    const request = structuredClone(
      compareRequest(4, [
        { label: "A", text: POD("first") },
        { label: "B", text: POD("second") },
      ]),
    );
    const reply = structuredClone(await handle(request));
    expect(isReply(reply)).toBe(true);
    if (reply.type !== "compare-result") throw new Error(reply.type);
    expect(reply).toMatchObject({ v: PROTOCOL_VERSION, id: 4 });
    expect(reply.variants.map((v) => [v.label, v.timeline?.pods[0]?.name])).toEqual([
      ["A", "first"],
      ["B", "second"],
    ]);
  });

  it("gives a variant with errors its diagnostics and no timeline, the other still simulated", async () => {
    const reply = await createMessageHandler()(
      compareRequest(5, [
        { label: "A", text: "kind: Pod\nmetadata: [" },
        { label: "B", text: POD("fine") },
      ]),
    );
    if (reply.type !== "compare-result") throw new Error(reply.type);
    expect(reply.variants[0]!.timeline).toBeUndefined();
    expect(reply.variants[0]!.diagnostics.length).toBeGreaterThan(0);
    expect(reply.variants[1]!.timeline?.pods).toHaveLength(1);
  });

  it("rejects malformed compare requests", async () => {
    const bad = [
      { v: PROTOCOL_VERSION, type: "compare", id: 1, variants: [{ label: "A", text: "" }] },
      { v: PROTOCOL_VERSION, type: "compare", id: 1, variants: "A" },
      { v: PROTOCOL_VERSION, type: "compare", id: 1, variants: [{ label: "A" }, { label: "B", text: "" }] },
      { v: 2, type: "compare", id: 1, variants: [] },
    ];
    for (const msg of bad) expect(decodeRequest(msg).ok, JSON.stringify(msg)).toBe(false);
  });
});
