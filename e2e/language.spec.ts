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
    await expect(page.getByTestId("diagnostics-count")).toHaveText("无");
    await expect(playground.examplePicker.locator("option:checked")).toHaveText("Init 容器与共享卷");
    await playground.gallery.open();
    await expect(playground.gallery.item("crashloop")).toContainText("CrashLoopBackOff 曲线");
    await page.keyboard.press("Escape");
    // Kubernetes words and kubectl output are not translated.
    await expect(playground.panels.eventRow("Scheduled")).toBeVisible();
    await expect(await playground.panels.runKubectl("kubectl get pods")).toContainText("STATUS");
  });

  test("?lang=zh: the details panel and hover texts say what happened and why in Chinese", async ({
    playground,
  }) => {
    await playground.openExample("liveness-exec", "?lang=zh");
    const kill = playground.swimlanes.marks("liveness-exec", "liveness", "SIGKILL").first();
    await kill.hover();
    await expect(playground.swimlanes.tooltip).toContainText("宽限期结束时发送 SIGKILL");
    await kill.click();
    await expect(playground.details.heading).toHaveText("SIGKILL");
    // The simulator's sentence, from its code: the grace period ran out and PID 1 ignored SIGTERM.
    await expect(playground.details.why).toContainText("宽限期结束时发送 SIGKILL");
    await expect(playground.details.why).toContainText("PID 1");
    await expect(playground.details.why).not.toContainText("grace period");

    // A back-off bar, and a probe tick (its heading from the view, its sentence from the prober).
    await playground.swimlanes.bars("liveness-exec", "liveness", "backoff").first().click();
    await expect(playground.details.why).toContainText("CrashLoopBackOff：kubelet 在该容器上次退出后等待");
    await playground.swimlanes.focus();
    await playground.page.keyboard.press("Home");
    await expect(playground.details.heading).toHaveText("拉取镜像");
    await playground.page.keyboard.press("ArrowDown");
    await expect(playground.details.heading).toHaveText(/^存活探针(成功|失败)$/);
    await expect(playground.details.why).toContainText(
      /连续第 \d+ 次(成功|失败)（(success|failure)Threshold \d+）/,
    );
    await expect(playground.details.why).toContainText("存活探针");
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
