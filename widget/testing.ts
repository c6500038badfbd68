import type { WidgetMessage } from "../common/widget";
import type { PendingMessage } from "./store";

/** Test data (used by the unit tests only; never imported by the widget). */
export function message(over: Partial<WidgetMessage> & { id: string }): WidgetMessage {
  return {
    direction: "out",
    author: { kind: "user", name: "Anna", avatarUrl: null },
    text: "hello",
    parts: [],
    replyTo: null,
    editedAt: null,
    deletedAt: null,
    createdAt: "2024-05-10T10:00:00.000Z",
    ...over,
  };
}

export function pending(over: Partial<PendingMessage> & { clientMessageId: string }): PendingMessage {
  return { text: "hi", file: null, status: "sending", error: null, createdAt: "2024-05-10T10:05:00.000Z", ...over };
}

/** A UUID-looking id from a number. */
export const uid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
