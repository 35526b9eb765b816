import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";

/** Each gallery scenario, a lane it must draw, and a shape that shows its concept. */
const SCENARIOS = [
  { id: "init-pod", pod: "first-demo", container: "install", check: ".pl-bar[data-kind=terminated]" },
  { id: "liveness-exec", pod: "liveness-exec", container: "liveness", check: ".pl-mark[data-kind=SIGKILL]" },
  { id: "gracestop", pod: "hook-demo2", container: "hook-demo2", check: ".pl-bar[data-kind=running]" },
  {
    id: "sidecar-order",
    pod: "sidecar-order",
    container: "log-shipper",
    check: ".pl-mark[data-kind=SIGTERM]",
  },
  { id: "startup-probe", pod: "slow-start", container: "app", check: ".pl-bar[data-kind=running]" },
  { id: "crashloop", pod: "crashloop", container: "app", check: ".pl-bar[data-kind=backoff]" },
  { id: "prestop-grace", pod: "prestop-grace", container: "web", check: ".pl-bar[data-kind=preStop]" },
  { id: "pid1-sigterm", pod: "no-trap", container: "shell", check: ".pl-mark[data-kind=SIGKILL]" },
  { id: "imagepullbackoff", pod: "bad-image", container: "app", check: ".pl-bar[data-kind=waiting]" },
] as const;

/** The Deployments-under-load scenarios: what each must draw, or the diagnostic it must show. */
const WORKLOAD_SCENARIOS = [
  { id: "rollout-prestop", check: '[data-testid="variant-A"][data-failed="0"]' },
  { id: "rollout-no-prestop", check: '[data-testid="traffic-web"] .pl-failure' },
  { id: "maxsurge-zero", diagnostic: "may not be 0 when `maxSurge` is 0" },
  { id: "progress-deadline", check: '[data-testid="deployment-shop"] [data-testid^="rs-lane-"]' },
  { id: "recreate", check: '[data-testid="variant-A"] [data-testid="traffic-web"] .pl-failure' },
] as const;

test.describe("gallery", () => {
  test("lists the tutorial's demos first, each with two lines, and loads the one picked", async ({
    playground,
  }) => {
    await playground.open();
    await playground.gallery.open();
    const items = playground.gallery.items();
    await expect(items).toHaveCount(SCENARIOS.length + WORKLOAD_SCENARIOS.length);
    await expect(items.nth(0)).toContainText("Init container");
    await expect(items.nth(2)).toContainText("preStop");
    await expect(playground.gallery.item("crashloop").locator("span")).toHaveCount(2);
    await playground.gallery.item("crashloop").click();
    await expect(playground.gallery.dialog).toBeHidden();
    await expect(playground.swimlanes.lane("crashloop", "app")).toBeVisible();
    await expect(playground.editor).toContainText("crashloop");
    await expect(playground.examplePicker).toHaveValue("crashloop");
  });

  test("Escape closes the gallery and gives the focus back", async ({ playground }) => {
    await playground.open();
    await playground.gallery.open();
    await playground.page.keyboard.press("Escape");
    await expect(playground.gallery.dialog).toBeHidden();
    await expect(playground.gallery.button).toBeFocused();
  });

  for (const s of SCENARIOS) {
    test(`${s.id}: draws its concept (screenshot in the artefacts)`, async ({ playground }, info) => {
      await playground.openExample(s.id);
      const lane = playground.swimlanes.lane(s.pod, s.container);
      await expect(lane).toBeVisible();
      await expect(lane.locator(s.check).first()).toBeAttached();
      await expect(playground.page.getByTestId("diagnostics-count")).toHaveText("none");
      // Kept with the test's output; `UPDATE_ARTIFACTS=1` also refreshes the checked-in copies.
      const shot = await playground.page
        .getByTestId("timeline")
        .screenshot({ path: info.outputPath(`${s.id}.png`) });
      if (process.env.UPDATE_ARTIFACTS) {
        mkdirSync("e2e/artifacts/gallery", { recursive: true });
        writeFileSync(`e2e/artifacts/gallery/${s.id}.png`, shot);
      }
    });
  }

  for (const s of WORKLOAD_SCENARIOS) {
    test(`${s.id}: draws its workload concept (screenshot in the artefacts)`, async ({
      playground,
    }, info) => {
      await playground.open();
      await playground.gallery.open();
      await playground.gallery.item(s.id).click();
      if ("diagnostic" in s) {
        await expect(playground.problems().first()).toContainText(s.diagnostic);
      } else {
        await expect(playground.swimlanes.svg.locator(s.check).first()).toBeAttached();
        await expect(playground.page.getByTestId("diagnostics-count")).toHaveText("none");
      }
      const shot = await playground.page
        .getByTestId(s.id === "maxsurge-zero" ? "diagnostics" : "timeline")
        .screenshot({ path: info.outputPath(`${s.id}.png`) });
      if (process.env.UPDATE_ARTIFACTS) {
        mkdirSync("e2e/artifacts/gallery", { recursive: true });
        writeFileSync(`e2e/artifacts/gallery/${s.id}.png`, shot);
      }
    });
  }
});
