/**
 * Scenario text is never interpreted as HTML: payloads in pod and container names, messages, logs
 * and the Scenario's name stay text everywhere they are shown. And the page runs under a strict
 * Content-Security-Policy that blocks inline script, with the playground (Monaco included) still
 * working without a single CSP report.
 */
import { expect, test } from "./fixtures.ts";

const payload = (n: number) => `<img src=x onerror=window.__xss=${n}>`;

/** Valid names: the payloads reach event messages, logs, the termination message, an annotation. */
const IN_MESSAGES = `apiVersion: v1
kind: Pod
metadata:
  name: xss
  annotations:
    note: "${payload(1)}"
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "echo '${payload(2)}' > /dev/termination-log; echo '<script>window.__xss=3</script>'; exit 3"]
  - name: pull
    image: "registry.example/${payload(4)}"
---
apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata:
  name: "${payload(5)}"
spec:
  seed: 1
`;

/** Invalid names: the payloads reach the problems list and the editor's markers. */
const IN_NAMES = `apiVersion: v1
kind: Pod
metadata:
  name: "${payload(6)}"
spec:
  containers:
  - name: "${payload(7)}"
    image: busybox
`;

/** No payload ran, and no element was made from one. */
async function expectNoInjection(page: import("@playwright/test").Page): Promise<void> {
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
}

test.describe("scenario text is never HTML", () => {
  test("payloads in messages, logs and the Scenario name show as text", async ({ playground, page }) => {
    await playground.openScenario(IN_MESSAGES);
    await expect(playground.swimlanes.lane("xss", "pull")).toBeVisible();
    await expect(playground.panels.events).toContainText(payload(4));
    await expect(await playground.panels.runKubectl("kubectl logs xss -c app --previous")).toContainText(
      "<script>window.__xss=3</script>",
    );
    await expect(await playground.panels.runKubectl("kubectl get pod xss -o yaml")).toContainText(payload(1));
    await playground.panels.openTab("status");
    await playground.swimlanes.marks("xss", "app", "exit").last().click();
    await expect(playground.details.heading).toBeVisible();
    await expect(playground.editor).toHaveAttribute("data-ready", "true");
    await expectNoInjection(page);
  });

  test("payloads in pod and container names show as text in the problems and the editor", async ({
    playground,
    page,
  }) => {
    await playground.openLink(IN_NAMES);
    await expect(playground.problems().first()).toContainText(payload(6));
    await expect(playground.problems().nth(1)).toContainText(payload(7));
    await expect(playground.editor.locator(".squiggly-error").first()).toBeAttached();
    await playground.editor.locator(".squiggly-error").first().hover({ force: true });
    await expectNoInjection(page);
  });

  test("the embed view shows them as text too", async ({ embed, page }) => {
    await embed.open(IN_MESSAGES);
    await expect(page.getByTestId("events")).toContainText(payload(4));
    await expectNoInjection(page);
  });
});

test.describe("Content-Security-Policy", () => {
  test("is strict, and blocks an inline handler slipped into the page", async ({
    playground,
    page,
    consoleErrors,
  }) => {
    await playground.open();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline[^;]*;?\s*$|script-src[^;]*unsafe/);
    expect(policy).toContain("object-src 'none'");

    // Were some bug to put markup into the page, its script would still not run.
    const violation = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), {
            once: true,
          });
          const div = document.createElement("div");
          div.innerHTML = '<img src="data:," onerror="window.__csp = 1">';
          document.body.append(div);
        }),
    );
    expect(await violation).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as { __csp?: unknown }).__csp)).toBeUndefined();
    // That refusal is the one console error this test expects.
    await expect.poll(() => consoleErrors.length).toBeGreaterThan(0);
    expect(consoleErrors.every((e) => /Content Security Policy/.test(e))).toBe(true);
    consoleErrors.length = 0;
  });

  test("leaves the playground working: editor, completion worker, swimlanes — no CSP reports", async ({
    playground,
    page,
  }) => {
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as { __violations?: string[] }).__violations ??= [];
        (window as { __violations?: string[] }).__violations?.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await playground.open();
    await playground.typeAtEnd("  - {name: sidecar, image: busybox}");
    await expect(playground.swimlanes.lane("first-demo", "sidecar")).toBeVisible();
    await playground.replaceAllByPasting(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx, bogus: 1}]}\n",
    );
    await expect(playground.editor.locator(".squiggly-warning, .squiggly-error").first()).toBeVisible();
    expect(await page.evaluate(() => (window as { __violations?: string[] }).__violations ?? [])).toEqual([]);
  });
});
