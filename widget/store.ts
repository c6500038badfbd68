import type { WidgetMessage } from "../common/widget";

/**
 * The conversation as the widget holds it: the server's messages (unique by id, sorted by time then
 * id) and the visitor's messages on their way (keyed by clientMessageId). Pure: every change returns
 * a new state.
 */

export type PendingStatus = "uploading" | "sending" | "failed";
/** Why a message could not be sent: a network or server trouble (retry helps), a too large file, a refusal. */
export type PendingError = "network" | "too_large" | "rejected";

export interface PendingFile {
  name: string;
  size: number;
  mime: string;
  /** Upload progress, 0 … 1. */
  progress: number;
  /** Set once the upload is done. */
  fileId: string | null;
}

export interface PendingMessage {
  clientMessageId: string;
  text: string;
  file: PendingFile | null;
  status: PendingStatus;
  error: PendingError | null;
  createdAt: string;
}

export interface MessageState {
  messages: WidgetMessage[];
  pending: PendingMessage[];
  /** Older messages exist on the server. */
  hasMore: boolean;
}

/** A server message that may name the send it came from (should the server add the field, matching by it is exact). */
export type EchoedMessage = WidgetMessage & { clientMessageId?: string | null };

export const emptyState = (): MessageState => ({ messages: [], pending: [], hasMore: false });

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};

/** Oldest first: by creation time, then by id. */
export function compareMessages(a: WidgetMessage, b: WidgetMessage): number {
  return time(a.createdAt) - time(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Of two versions of one message, the later one: a deletion is never undone, a later edit wins. */
export function laterVersion(current: WidgetMessage, incoming: WidgetMessage): WidgetMessage {
  if (current.deletedAt && !incoming.deletedAt) return current;
  if (!current.deletedAt && incoming.deletedAt) return incoming;
  if (current.editedAt && (!incoming.editedAt || time(incoming.editedAt) < time(current.editedAt))) return current;
  return incoming;
}

const mediaNames = (m: WidgetMessage): string[] =>
  m.parts.flatMap((p) =>
    p.type === "text" || p.type === "location" || p.type === "contact" || p.type === "button" ? [] : [p.name ?? ""],
  );

/** Whether a visitor's message from the server is the given pending one (the server may echo it before answering). */
export function matchesPending(message: EchoedMessage, pending: PendingMessage): boolean {
  const clientId = message.clientMessageId;
  if (clientId) return clientId === pending.clientMessageId;
  if (message.direction !== "in" || pending.status === "uploading") return false;
  if ((message.text ?? "").trim() !== pending.text.trim()) return false;
  const names = mediaNames(message);
  if (!pending.file) return names.length === 0;
  return names.length === 1 && (names[0] === "" || names[0] === pending.file.name);
}

export interface UpsertResult {
  state: MessageState;
  /** The messages that were not there before (updates of known ones are not listed). */
  added: WidgetMessage[];
}

/** Adds new messages and replaces known ones (by id); a visitor's message takes the place of its pending one. */
export function upsertMessages(state: MessageState, incoming: readonly WidgetMessage[]): UpsertResult {
  if (incoming.length === 0) return { state, added: [] };
  const byId = new Map(state.messages.map((m) => [m.id, m]));
  let pending = state.pending;
  const added: WidgetMessage[] = [];
  for (const message of incoming) {
    const known = byId.get(message.id);
    if (known) {
      byId.set(message.id, laterVersion(known, message));
      continue;
    }
    byId.set(message.id, message);
    added.push(message);
    const match = pending.find((p) => matchesPending(message, p));
    if (match) pending = pending.filter((p) => p !== match);
  }
  const messages = [...byId.values()].sort(compareMessages);
  return { state: { ...state, messages, pending }, added };
}

export const addPending = (state: MessageState, pending: PendingMessage): MessageState => ({
  ...state,
  pending: [...state.pending.filter((p) => p.clientMessageId !== pending.clientMessageId), pending],
});

/** Changes a pending message; nothing happens when it is gone (already confirmed or removed). */
export function updatePending(
  state: MessageState,
  clientMessageId: string,
  change: Partial<Omit<PendingMessage, "clientMessageId">>,
): MessageState {
  if (!state.pending.some((p) => p.clientMessageId === clientMessageId)) return state;
  return {
    ...state,
    pending: state.pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, ...change } : p)),
  };
}

export const removePending = (state: MessageState, clientMessageId: string): MessageState => ({
  ...state,
  pending: state.pending.filter((p) => p.clientMessageId !== clientMessageId),
});

export const findPending = (state: MessageState, clientMessageId: string): PendingMessage | undefined =>
  state.pending.find((p) => p.clientMessageId === clientMessageId);

/** The server accepted a pending message: it becomes the server's message. */
export function confirmPending(state: MessageState, clientMessageId: string, message: WidgetMessage): MessageState {
  return upsertMessages(removePending(state, clientMessageId), [message]).state;
}

/** The session's messages (the latest page); pending messages of this page load are kept. */
export function fromSession(
  previous: MessageState,
  page: { messages: readonly WidgetMessage[]; hasMore: boolean },
): MessageState {
  const { state } = upsertMessages({ messages: [], pending: previous.pending, hasMore: page.hasMore }, page.messages);
  return state;
}

/** An older page (scrolling up): merged in; whether still older ones exist comes from the page. */
export function mergeOlder(state: MessageState, page: { items: readonly WidgetMessage[]; hasMore: boolean }) {
  const result = upsertMessages(state, page.items);
  return { ...result, state: { ...result.state, hasMore: page.hasMore } };
}

/**
 * The latest page fetched after a reconnect. When it does not reach back to what is already known
 * (more was missed than one page holds), the list restarts from that page so that no gap is shown.
 */
export function mergeLatest(state: MessageState, page: { items: readonly WidgetMessage[]; hasMore: boolean }) {
  const newestKnown = state.messages.at(-1);
  const oldestFetched = page.items[0];
  const known = new Set(state.messages.map((m) => m.id));
  const gap =
    page.hasMore &&
    newestKnown !== undefined &&
    oldestFetched !== undefined &&
    !page.items.some((m) => known.has(m.id)) &&
    compareMessages(oldestFetched, newestKnown) > 0;
  if (!gap) return upsertMessages(state, page.items);
  const result = upsertMessages({ messages: [], pending: state.pending, hasMore: true }, page.items);
  return { state: result.state, added: result.added };
}

/** The id to ask for older messages before. */
export const oldestId = (state: MessageState): string | null => state.messages[0]?.id ?? null;

/** Manager's messages newer than the given time (what the visitor has not seen yet). */
export const unreadSince = (messages: readonly WidgetMessage[], seenAt: string | null): number =>
  seenAt === null
    ? 0
    : messages.filter((m) => m.direction === "out" && !m.deletedAt && time(m.createdAt) > time(seenAt)).length;
