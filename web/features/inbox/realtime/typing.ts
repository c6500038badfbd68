import { z } from "zod";
import { type TypingEvent, typingEvent } from "../../../../common/widget";

/** How long a `typing: true` holds without another one (the sender repeats it every 2 s while typing). */
export const typingTtlMs = 6_000;

type Listener = () => void;
type Timer = ReturnType<typeof setTimeout>;

const noOne: readonly string[] = [];

/** Who types is keyed per person: the chat's client, or a colleague by their user id. */
const personKey = (author: TypingEvent["author"], userId: string | undefined, name: string): string =>
  author === "client" ? "client" : `user:${userId ?? name}`;

const createdMessage = z.object({
  message: z.object({
    chatId: z.string(),
    author: z.object({ kind: z.string(), userId: z.string().optional() }),
  }),
});

/**
 * Who is typing in which chat of a workspace (ephemeral, never stored). Entries expire `ttlMs` after their last
 * `typing: true`; the signed-in person's own events (from their other tabs) are ignored. Snapshots per chat stay
 * the same array until that chat changes, so React re-renders only the rows that need it.
 */
export class TypingStore {
  private readonly chats = new Map<string, Map<string, { name: string; timer: Timer }>>();
  private readonly snapshots = new Map<string, readonly string[]>();
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly workspaceId: string,
    private readonly selfId: string,
    private readonly ttlMs = typingTtlMs,
  ) {}

  /** A `typing` event from the socket (checked: anything malformed or for another workspace is dropped). */
  receive(raw: unknown): void {
    const parsed = typingEvent.safeParse(raw);
    if (!parsed.success) return;
    const event = parsed.data;
    if (event.workspaceId !== this.workspaceId) return;
    if (event.userId !== undefined && event.userId === this.selfId) return;
    const key = personKey(event.author, event.userId, event.name);
    if (event.typing) this.start(event.chatId, key, event.name);
    else this.end(event.chatId, key);
  }

  /** A new message ends its author's typing at once (a `message.created` event's payload). */
  messageCreated(payload: unknown): void {
    const parsed = createdMessage.safeParse(payload);
    if (!parsed.success) return;
    const { chatId, author } = parsed.data.message;
    if (author.kind === "client") this.end(chatId, "client");
    else if (author.kind === "user" && author.userId) this.end(chatId, `user:${author.userId}`);
  }

  /** The names of who types in a chat now, in the order they started. */
  names(chatId: string): readonly string[] {
    return this.snapshots.get(chatId) ?? noOne;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Forgets everyone (e.g. the connection dropped: nobody's `typing: false` would reach us). */
  clear(): void {
    const chatIds = [...this.chats.keys()];
    for (const typists of this.chats.values()) for (const typist of typists.values()) clearTimeout(typist.timer);
    this.chats.clear();
    this.snapshots.clear();
    if (chatIds.length > 0) this.notify();
  }

  stop(): void {
    this.clear();
    this.listeners.clear();
  }

  private start(chatId: string, key: string, name: string): void {
    let typists = this.chats.get(chatId);
    if (!typists) {
      typists = new Map();
      this.chats.set(chatId, typists);
    }
    const known = typists.get(key);
    if (known) clearTimeout(known.timer);
    const timer = setTimeout(() => this.end(chatId, key), this.ttlMs);
    typists.set(key, { name, timer });
    if (known?.name !== name) this.changed(chatId);
  }

  private end(chatId: string, key: string): void {
    const typists = this.chats.get(chatId);
    const known = typists?.get(key);
    if (!typists || !known) return;
    clearTimeout(known.timer);
    typists.delete(key);
    if (typists.size === 0) this.chats.delete(chatId);
    this.changed(chatId);
  }

  private changed(chatId: string): void {
    const typists = this.chats.get(chatId);
    if (typists)
      this.snapshots.set(
        chatId,
        [...typists.values()].map((typist) => typist.name),
      );
    else this.snapshots.delete(chatId);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
