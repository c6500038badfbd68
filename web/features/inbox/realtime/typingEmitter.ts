/** The least time between two `typing: true` of one chat. */
export const typingRepeatMs = 2_000;

export interface TypingRequest {
  chatId: string;
  typing: boolean;
}

/**
 * Tells the others that the manager types in a chat: `typing: true` at most every 2 s while the text is not
 * empty, and `typing: false` once when it is sent, cleared, or the chat is left (`stop`).
 */
export class TypingEmitter {
  private active = false;
  private lastSentAt = 0;

  constructor(
    private readonly chatId: string,
    private readonly send: (request: TypingRequest) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The composer's text changed. */
  input(text: string): void {
    if (!text.trim()) {
      this.stop();
      return;
    }
    const at = this.now();
    if (this.active && at - this.lastSentAt < typingRepeatMs) return;
    this.active = true;
    this.lastSentAt = at;
    this.send({ chatId: this.chatId, typing: true });
  }

  /** Sent, cleared or left: says so once, if it said it was typing. */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.send({ chatId: this.chatId, typing: false });
  }
}
