/** Typing signals: the visitor's to Parley (throttled) and the manager's to the window (expiring). */

export const typingEvery = 2000;
export const typingIdle = 5000;
export const remoteTypingFor = 6000;

interface Timers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The visitor's typing: `true` at most every 2 s while they type, `false` when the text is cleared,
 * the message sent, or after 5 s without a key.
 */
export class OutgoingTyping {
  private sentAt = 0;
  private idle: unknown;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  input(text: string): void {
    this.timers.clear(this.idle);
    if (!text.trim()) {
      this.stop();
      return;
    }
    const now = this.timers.now();
    if (this.sentAt === 0 || now - this.sentAt >= typingEvery) {
      this.sentAt = now;
      this.emit(true);
    }
    this.idle = this.timers.set(() => this.stop(), typingIdle);
  }

  stop(): void {
    this.timers.clear(this.idle);
    if (this.sentAt === 0) return;
    this.sentAt = 0;
    this.emit(false);
  }
}

/** The manager's typing: shown until `false`, a message of theirs, or 6 s after the last `true`. */
export class IncomingTyping {
  private timer: unknown;

  constructor(
    private readonly show: (name: string | null) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  event(name: string, typing: boolean): void {
    this.timers.clear(this.timer);
    this.show(typing ? name : null);
    if (typing) this.timer = this.timers.set(() => this.show(null), remoteTypingFor);
  }

  clear(): void {
    this.timers.clear(this.timer);
    this.show(null);
  }
}
