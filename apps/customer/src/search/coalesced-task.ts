/**
 * Runs an async task on behalf of many callers while guaranteeing each caller a run that
 * started after it asked. A caller arriving while a run is in flight cannot use that run (it may
 * have begun before the caller's request arrived), so it joins the single run queued to start
 * next. Under load one run serves a whole batch of callers; idle, a caller starts one at once.
 */
export class CoalescedTask<T> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;

  constructor(private readonly task: () => Promise<T>) {}

  run(): Promise<T> {
    if (this.running === null) return this.start();
    this.queued ??= this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  private startQueued(): Promise<T> {
    this.queued = null;
    return this.start();
  }

  private start(): Promise<T> {
    const run = this.task().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }
}
