/**
 * Tells the client that the workspace views are stale, at most once per `intervalMs`: a scan adds
 * articles hundreds of times a second, and each view refresh asks for its visible rows again.
 * The first change after a quiet spell is reported after `intervalMs`, so a burst becomes one message.
 */
export class ViewRefresh {
  private timer: NodeJS.Timeout | undefined;
  private actorsChanged = false;

  /** @param notify tells the client; `actorsChanged` is false when only offsets moved (typing that renamed no one). */
  constructor(
    private readonly notify: (actorsChanged: boolean) => void,
    private readonly intervalMs = 500,
  ) {}

  /** Notes a change; the client hears of it within `intervalMs`. */
  changed(actorsChanged: boolean): void {
    this.actorsChanged ||= actorsChanged;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const actors = this.actorsChanged;
      this.actorsChanged = false;
      this.notify(actors);
    }, this.intervalMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
