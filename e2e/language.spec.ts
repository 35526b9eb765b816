/** The interface in Simplified Chinese: from the `lang` parameter or the browser's language. */
import { expect, test } from "./fixtures.ts";
import { PlaygroundPage } from "./pages/playground.ts";

test.describe("languages", () => {
  test("?lang=zh shows the Chinese interface; kubectl output stays as kubectl prints it", async ({
    playground,
    page,
  }) => {
    await playground.open("/?lang=zh");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(playground.playback.playToggle).toHaveText("播放");
    await expect(page.getByTestId("copy-link")).toHaveText("复制链接");
    await expect(playground.status).toContainText("1 个 Pod");
    await expect(playground.swimlanes.lane("first-demo", "nginx")).toBeVisible();
    await expect(playground.examplePicker.locator("option:checked")).toHaveText("Init 容器与共享卷");
    await playground.gallery.open();
    await expect(playground.gallery.item("crashloop")).toContainText("CrashLoopBackOff 曲线");
    await page.keyboard.press("Escape");
    // Kubernetes words and kubectl output are not translated.
    await expect(playground.panels.eventRow("Scheduled")).toBeVisible();
    await expect(await playground.panels.runKubectl("kubectl get pods")).toContainText("STATUS");
  });

  test("a Chinese browser gets Chinese, and ?lang=en overrides it", async ({ browser }) => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 800 } });
    const p = new PlaygroundPage(await context.newPage());
    await p.openExample("init-pod");
    await expect(p.playback.playToggle).toHaveText("播放");
    await p.page.goto("/?lang=en");
    await expect(p.playback.playToggle).toHaveText("Play");
    await context.close();
  });

  test("the embed view speaks Chinese too", async ({ embed, page }) => {
    await page.goto("/?embed=1&lang=zh");
    await expect(embed.swimlanes.svg).toBeVisible();
    await expect(page.getByTestId("open-in-playground")).toHaveText("在 Playground 中打开 ↗");
    await expect(page.getByTestId("open-in-playground")).toHaveAttribute("href", /[?&]lang=zh/);
  });
});
