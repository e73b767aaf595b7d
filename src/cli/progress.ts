/** A plain progress bar on stderr: redrawn in place on a terminal, one line per step elsewhere. */
export class ProgressBar {
  private done = 0;
  private lastStep = '';
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly total: number) {}

  tick(step: string, units = 1): void {
    this.done = Math.min(this.total, this.done + units);
    const width = 30;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const percent = Math.round((this.done / Math.max(1, this.total)) * 100);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${step}`;
    if (this.tty) process.stderr.write(`\r${line.padEnd(100).slice(0, 100)}`);
    else if (step !== this.lastStep) process.stderr.write(`${line}\n`);
    this.lastStep = step;
  }

  finish(): void {
    if (this.tty) process.stderr.write('\n');
  }
}
