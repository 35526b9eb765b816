import { expect, MONACO_REQUEST, test } from "./fixtures.ts";

const SCENARIO = `apiVersion: v1
kind: Pod
metadata:
  name: from-hash
spec:
  containers:
  - name: app
    image: nginx
  - name: helper
    image: busybox
`;

test.describe("embed view", () => {
  test("draws the default demo without requesting any Monaco code", async ({ embed, page }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));

    await embed.open();
    await expect(embed.swimlanes.lane("first-demo", "nginx")).toBeVisible();
    await page.waitForLoadState("networkidle");

    await expect(page.getByTestId("editor")).toHaveCount(0);
    // The recording works: the simulator worker was fetched…
    expect(requests.some((u) => /sim\.worker/.test(u))).toBe(true);
    // …and nothing of the editor was, nor the playground's own chunk, nor the kubectl emulator
    // (the demo runs no commands).
    expect(requests.filter((u) => MONACO_REQUEST.test(u))).toEqual([]);
    expect(requests.filter((u) => /\/assets\/(Playground|kubectl)-[\w-]+\.js$/.test(u))).toEqual([]);
  });

  test("draws the scenario carried in the hash", async ({ embed, page }) => {
    await embed.open(SCENARIO);
    await expect(embed.swimlanes.lane("from-hash", "app")).toBeVisible();
    await expect(embed.swimlanes.lane("from-hash", "helper")).toBeVisible();
    await expect(embed.swimlanes.containerLanes()).toHaveCount(2);
    await expect(page.getByTestId("open-in-playground")).toHaveAttribute(
      "href",
      /^http:\/\/127\.0\.0\.1:\d+\/#v1\//,
    );
  });

  test("the playground, by contrast, does load Monaco (the check above can fail)", async ({
    playground,
    page,
  }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await playground.open();
    await expect.poll(() => requests.filter((u) => MONACO_REQUEST.test(u)).length).toBeGreaterThan(0);
  });
});
