import { expect, type Locator, type Page } from "@playwright/test";

/** The swimlanes drawing, shared by the playground and the embed view. */
export class Swimlanes {
  readonly svg: Locator;
  /** The focusable box around the drawing that takes W/A/S/D/F and the arrow keys. */
  readonly box: Locator;
  readonly tooltip: Locator;

  constructor(readonly page: Page) {
    this.svg = page.getByTestId("swimlanes");
    this.box = page.getByTestId("swimlanes-box");
    this.tooltip = page.getByTestId("tooltip");
  }

  /** The lane of one container of one pod. */
  lane(pod: string, container: string): Locator {
    return this.svg.getByTestId(`lane-${pod}-${container}`);
  }

  /** All container lanes. */
  containerLanes(): Locator {
    return this.svg.locator('[data-testid^="lane-"]');
  }

  /** The bars of a container lane, optionally of one kind (`running`, `grace`, `backoff`, …). */
  bars(pod: string, container: string, kind?: string): Locator {
    return this.lane(pod, container).locator(kind ? `.pl-bar[data-kind="${kind}"]` : ".pl-bar");
  }

  /** The marks of a container lane of one kind (`SIGTERM`, `SIGKILL`, `exit`, …). */
  marks(pod: string, container: string, kind: string): Locator {
    return this.lane(pod, container).locator(`.pl-mark[data-kind="${kind}"]`);
  }

  /** A probe sub-lane. */
  probeLane(pod: string, container: string, type: "startup" | "liveness" | "readiness"): Locator {
    return this.svg.getByTestId(`probe-lane-${pod}-${container}-${type}`);
  }

  /** The ticks of a probe sub-lane with one result. */
  probeTicks(pod: string, container: string, type: "startup" | "liveness" | "readiness", result: string) {
    return this.probeLane(pod, container, type).locator(`.pl-probe[data-result="${result}"]`);
  }

  /** A pod-level lane (`phase`, `Ready`, …). */
  podLane(pod: string, name: string): Locator {
    return this.svg.getByTestId(`pod-lane-${pod}-${name}`);
  }

  /** The shown time window, in virtual ms. */
  async viewRange(): Promise<{ startMs: number; endMs: number }> {
    return {
      startMs: Number(await this.box.getAttribute("data-view-start")),
      endMs: Number(await this.box.getAttribute("data-view-end")),
    };
  }

  /** Puts the keyboard focus on the drawing. */
  async focus(): Promise<void> {
    await this.box.focus();
    await expect(this.box).toBeFocused();
  }

  /** The playhead line (absent when it is outside the shown window). */
  get playhead(): Locator {
    return this.svg.getByTestId("playhead");
  }

  /** Drags along the axis above the lanes from one fraction of the plot's width to another. */
  async dragPlayhead(fromFraction: number, toFraction: number): Promise<void> {
    const track = this.svg.getByTestId("playhead-track");
    const box = await track.boundingBox();
    if (!box) throw new Error("no playhead track");
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * fromFraction, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * ((fromFraction + toFraction) / 2), y, { steps: 3 });
    await this.page.mouse.move(box.x + box.width * toFraction, y, { steps: 3 });
    await this.page.mouse.up();
  }
}
