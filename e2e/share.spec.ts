/**
 * Sharing: a link copied from the playground opens the same timeline in a fresh browser; the view
 * settings live in the address; the embed code, the Markdown snippet and the exports are right.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import published from "../src/share/fixtures/links.json" with { type: "json" };
import { encodeScenarioHash } from "../src/share/scenario-hash.ts";
import { expect, test } from "./fixtures.ts";
import { PlaygroundPage } from "./pages/playground.ts";
import { ShareControls } from "./pages/share.ts";

const example = (id: string) =>
  readFileSync(new URL(`../src/ui/examples/${id}.yaml`, import.meta.url), "utf8");

test.describe("sharing", () => {
  test("create → copy link → open in a fresh browser → identical timeline", async ({
    playground,
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await playground.open();
    await playground.typeAtEnd("  - {name: sidecar, image: busybox, command: [sh, -c, 'sleep 20; exit 2']}");
    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toBeVisible();
    await playground.playback.speed.selectOption("25");
    await playground.playback.jumpTo("45s");
    await expect(playground.swimlanes.playhead).toHaveAttribute("data-ms", "45000");

    const link = await new ShareControls(page).copyLinkFromTopBar();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?t=45s&speed=25#v1\//);

    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const other = new PlaygroundPage(await fresh.newPage());
    await other.page.goto(link);
    await expect(other.swimlanes.lane("first-demo", "sidecar")).toBeVisible();
    await expect(other.swimlanes.playhead).toHaveAttribute("data-ms", "45000");
    await expect(other.playback.speed).toHaveValue("25");
    await expect(other.status).toContainText("1 pod, 0s → 5m");
    await page.mouse.move(0, 0);
    await other.page.mouse.move(0, 0);
    const drawing = (p: PlaygroundPage) => p.swimlanes.svg.evaluate((svg) => svg.outerHTML);
    expect(await drawing(other)).toBe(await drawing(playground));
    await fresh.close();
  });

  test("the view settings live in the query, only when not default", async ({ playground, page }) => {
    const hash = encodeScenarioHash(example("liveness-exec"));
    await page.goto(`/?t=30s&speed=50&theme=dark${hash}`);
    await expect(playground.swimlanes.playhead).toHaveAttribute("data-ms", "30000");
    await expect(playground.playback.speed).toHaveValue("50");
    await expect(page.locator("html")).toHaveAttribute("data-effective-theme", "dark");

    await playground.playback.speed.selectOption("10");
    await playground.playback.jumpTo("1m");
    await expect.poll(() => new URL(page.url()).search).toBe("?t=1m&theme=dark");
    await playground.theme.selectOption("system");
    await expect.poll(() => new URL(page.url()).search).toBe("?t=1m");
    expect(new URL(page.url()).hash).toBe(hash);
  });

  test("a new link pasted into the same tab opens it (hashchange)", async ({ playground, page }) => {
    await playground.openScenario(example("liveness-exec"));
    await page.evaluate(
      (h) => {
        window.location.hash = h;
      },
      encodeScenarioHash(example("crashloop")),
    );
    await expect(playground.swimlanes.lane("liveness-exec", "liveness")).toHaveCount(0);
    await expect(playground.swimlanes.containerLanes().first()).toBeVisible();
    await expect(playground.sharePrompt).toHaveCount(0);
  });

  test("a new link pasted over edited work asks first, as on load", async ({ playground, page }) => {
    await playground.open();
    await playground.typeAtEnd("  - {name: sidecar, image: busybox}");
    await playground.waitUntilSaved("sidecar");
    await page.evaluate(
      (h) => {
        window.location.hash = h;
      },
      encodeScenarioHash(example("crashloop")),
    );
    await expect(playground.sharePrompt).toBeVisible();
    await expect(playground.editor).toContainText("name: sidecar");
    await playground.openSharedButton.click();
    await expect(playground.editor).not.toContainText("name: sidecar");
    expect((await playground.savedWork()).some((t) => t.includes("name: sidecar"))).toBe(true);
  });

  test("embed code and Markdown snippet", async ({ playground, page }) => {
    await playground.openExample("init-pod");
    const share = new ShareControls(page);
    await share.openDialog();
    const code = await share.embedText.inputValue();
    expect(code).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&#38;autoplay=1&#38;height=\d+#v1\/[\w-]+" /,
    );
    expect(code).toMatch(/ width="100%" height="\d+" /);
    const src = /src="([^"]+)"/.exec(code)?.[1]?.replace(/&#38;/g, "&") ?? "";
    expect(await share.markdownText.inputValue()).toMatch(
      /^\[!\[Podlife: first-demo\]\(podlife-first-demo\.svg\)\]\(http:\/\/127\.0\.0\.1:\d+\/#v1\/[\w-]+\)$/,
    );

    await page.goto(src);
    await expect(page.getByTestId("lane-first-demo-nginx")).toBeVisible();
    await expect(page.getByTestId("play-toggle")).toHaveAttribute("aria-pressed", "true");
  });

  test("Export SVG is what `podlife render` writes; Export PNG is a PNG", async ({ playground, page }) => {
    const scenario = example("gracestop");
    await playground.openScenario(scenario);
    const share = new ShareControls(page);
    await share.openDialog();
    const svg = await share.download(share.exportSvg);
    expect(svg.name).toMatch(/^podlife-[\w-]+\.svg$/);

    const dir = mkdtempSync(join(tmpdir(), "podlife-e2e-"));
    writeFileSync(join(dir, "s.yaml"), scenario);
    const cli = spawnSync(
      process.execPath,
      ["bin/podlife.mjs", "render", "-f", join(dir, "s.yaml"), "-o", join(dir, "s.svg")],
      {
        encoding: "utf8",
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(svg.bytes.toString("utf8")).toBe(readFileSync(join(dir, "s.svg"), "utf8"));

    const png = await share.download(share.exportPng);
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.bytes.readUInt32BE(16)).toBe(2400); // twice the SVG's 1200 px width
  });

  test("in compare mode the exports draw both variants", async ({ playground, page }) => {
    const link = published.links.find((l) => l.hash.startsWith("#v2/"))!;
    await playground.open(`/${link.hash}`);
    await expect(playground.workloads.variant("B")).toBeVisible();
    const share = new ShareControls(page);
    await share.openDialog();
    const svg = (await share.download(share.exportSvg)).bytes.toString("utf8");
    expect(svg).toContain("A: grace 30s");
    expect(svg).toContain("B: 宽限 5 秒");
    // Both variants' pods: the one pod of each, twice.
    expect(svg.match(/>web \(node node-1\)</g)).toHaveLength(2);
  });
});
