import type { WidgetMessage } from "../common/widget";
import { dayKey, dayLabel, type Lang } from "./i18n";
import type { MessageState, PendingMessage } from "./store";

/** What the message list shows, top to bottom; `key` is stable across renders. */
export type Row =
  | { kind: "day"; key: string; label: string }
  | { kind: "greeting"; key: string; text: string }
  | { kind: "message"; key: string; message: WidgetMessage; first: boolean }
  | { kind: "pending"; key: string; pending: PendingMessage; first: boolean };

type Entry =
  | { kind: "message"; message: WidgetMessage; at: Date; side: string }
  | { kind: "pending"; pending: PendingMessage; at: Date; side: string };

const sideOf = (m: WidgetMessage): string => (m.direction === "in" ? "in" : `out:${m.author.name}`);

/**
 * Lays the conversation out: the greeting first (once nothing older is left to load), a divider
 * before each day, and each message marked when it starts a run (another side or author, another
 * day), where the author's name and avatar are shown. Pending messages come last.
 */
export function layoutRows(state: MessageState, greeting: string, lang: Lang, now: Date): Row[] {
  const rows: Row[] = [];
  const text = greeting.trim();
  if (text && !state.hasMore) rows.push({ kind: "greeting", key: "greeting", text });
  const entries: Entry[] = [
    ...state.messages.map(
      (message): Entry => ({
        kind: "message",
        message,
        at: new Date(message.createdAt),
        side: sideOf(message),
      }),
    ),
    ...state.pending.map(
      (pending): Entry => ({ kind: "pending", pending, at: new Date(pending.createdAt), side: "in" }),
    ),
  ];
  let day = "";
  let side = "";
  for (const entry of entries) {
    const at = Number.isNaN(entry.at.getTime()) ? now : entry.at;
    const key = dayKey(at);
    if (key !== day) {
      rows.push({ kind: "day", key: `day:${key}`, label: dayLabel(lang, at, now) });
      day = key;
      side = "";
    }
    const first = entry.side !== side;
    side = entry.side;
    rows.push(
      entry.kind === "message"
        ? { kind: "message", key: entry.message.id, message: entry.message, first }
        : { kind: "pending", key: `pending:${entry.pending.clientMessageId}`, pending: entry.pending, first },
    );
  }
  return rows;
}
