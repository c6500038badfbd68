import { describe, expect, it } from "vitest";
import { layoutRows } from "./rows";
import { addPending, emptyState, fromSession } from "./store";
import { message, pending, uid } from "./testing";

const now = new Date(2024, 4, 10, 18, 0);
const local = (day: number, hour: number) => new Date(2024, 4, day, hour, 0).toISOString();

describe("layoutRows", () => {
  it("shows the greeting first, once nothing older is left", () => {
    const state = fromSession(emptyState(), {
      messages: [message({ id: uid(1), createdAt: local(10, 9) })],
      hasMore: false,
    });
    const rows = layoutRows(state, "  Hi! How can we help?  ", "en", now);
    expect(rows.map((r) => r.kind)).toEqual(["greeting", "day", "message"]);
    expect(rows[0]).toMatchObject({ kind: "greeting", text: "Hi! How can we help?" });
    expect(rows[1]).toMatchObject({ kind: "day", label: "Today" });
    expect(layoutRows({ ...state, hasMore: true }, "Hi", "en", now).map((r) => r.kind)).toEqual(["day", "message"]);
    expect(layoutRows(state, "   ", "en", now).map((r) => r.kind)).toEqual(["day", "message"]);
  });

  it("is empty for an empty conversation without a greeting", () => {
    expect(layoutRows(emptyState(), "", "en", now)).toEqual([]);
  });

  it("puts a divider before each day and starts runs by side and author", () => {
    const messages = [
      message({ id: uid(1), createdAt: local(9, 10), direction: "in" }),
      message({ id: uid(2), createdAt: local(9, 11), author: { kind: "user", name: "Anna", avatarUrl: null } }),
      message({ id: uid(3), createdAt: local(9, 12), author: { kind: "user", name: "Anna", avatarUrl: null } }),
      message({ id: uid(4), createdAt: local(9, 13), author: { kind: "user", name: "Boris", avatarUrl: null } }),
      message({ id: uid(5), createdAt: local(10, 9), author: { kind: "user", name: "Boris", avatarUrl: null } }),
      message({ id: uid(6), createdAt: local(10, 10), direction: "in" }),
      message({ id: uid(7), createdAt: local(10, 11), direction: "in" }),
    ];
    const rows = layoutRows(fromSession(emptyState(), { messages, hasMore: false }), "", "ru", now);
    expect(
      rows.map((r) =>
        r.kind === "day" ? r.label : r.kind === "message" ? `${r.key.slice(-1)}${r.first ? "*" : ""}` : r.kind,
      ),
    ).toEqual(["Вчера", "1*", "2*", "3", "4*", "Сегодня", "5*", "6*", "7"]);
  });

  it("puts pending messages last, in the visitor's run", () => {
    let state = fromSession(emptyState(), {
      messages: [message({ id: uid(1), createdAt: local(10, 9), direction: "in" })],
      hasMore: false,
    });
    state = addPending(state, pending({ clientMessageId: "c1", createdAt: local(10, 17) }));
    const rows = layoutRows(state, "", "en", now);
    expect(rows.map((r) => r.key)).toEqual([expect.stringMatching(/^day:/), uid(1), "pending:c1"]);
    expect(rows[2]).toMatchObject({ kind: "pending", first: false });
  });

  it("keeps keys stable and unique", () => {
    const messages = [
      message({ id: uid(1), createdAt: local(8, 9) }),
      message({ id: uid(2), createdAt: local(10, 9) }),
    ];
    const rows = layoutRows(fromSession(emptyState(), { messages, hasMore: false }), "Hello", "en", now);
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      layoutRows(fromSession(emptyState(), { messages, hasMore: false }), "Hello", "en", now).map((r) => r.key),
    ).toEqual(keys);
  });
});
