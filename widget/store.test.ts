import { describe, expect, it } from "vitest";
import {
  addPending,
  compareMessages,
  confirmPending,
  emptyState,
  findPending,
  fromSession,
  laterVersion,
  matchesPending,
  mergeLatest,
  mergeOlder,
  oldestId,
  removePending,
  unreadSince,
  updatePending,
  upsertMessages,
} from "./store";
import { message, pending, uid } from "./testing";

const at = (minute: number) => `2024-05-10T10:${String(minute).padStart(2, "0")}:00.000Z`;
const ids = (state: { messages: { id: string }[] }) => state.messages.map((m) => m.id);

describe("compareMessages", () => {
  it("orders by time, then by id", () => {
    const a = message({ id: uid(2), createdAt: at(1) });
    const b = message({ id: uid(1), createdAt: at(2) });
    const c = message({ id: uid(3), createdAt: at(2) });
    expect([c, b, a].sort(compareMessages).map((m) => m.id)).toEqual([uid(2), uid(1), uid(3)]);
  });

  it("compares instants, not strings", () => {
    const a = message({ id: uid(1), createdAt: "2024-05-10T10:00:00.5Z" });
    const b = message({ id: uid(2), createdAt: "2024-05-10T10:00:00.25Z" });
    expect(compareMessages(a, b)).toBeGreaterThan(0);
  });
});

describe("upsertMessages", () => {
  it("adds new messages in order and reports them", () => {
    const state = upsertMessages(emptyState(), [message({ id: uid(2), createdAt: at(2) })]).state;
    const result = upsertMessages(state, [
      message({ id: uid(3), createdAt: at(3) }),
      message({ id: uid(1), createdAt: at(1) }),
    ]);
    expect(ids(result.state)).toEqual([uid(1), uid(2), uid(3)]);
    expect(result.added.map((m) => m.id)).toEqual([uid(3), uid(1)]);
  });

  it("replaces a known message by id without reporting it as new", () => {
    const state = upsertMessages(emptyState(), [message({ id: uid(1), text: "before" })]).state;
    const result = upsertMessages(state, [message({ id: uid(1), text: "after", editedAt: at(5) })]);
    expect(result.state.messages).toHaveLength(1);
    expect(result.state.messages[0]?.text).toBe("after");
    expect(result.added).toEqual([]);
  });

  it("shows deletions and never undoes them", () => {
    let state = upsertMessages(emptyState(), [message({ id: uid(1) })]).state;
    state = upsertMessages(state, [message({ id: uid(1), deletedAt: at(9), text: null })]).state;
    expect(state.messages[0]?.deletedAt).toBe(at(9));
    state = upsertMessages(state, [message({ id: uid(1) })]).state;
    expect(state.messages[0]?.deletedAt).toBe(at(9));
  });

  it("keeps the later edit when an older version arrives late", () => {
    const newer = message({ id: uid(1), text: "v2", editedAt: at(8) });
    const older = message({ id: uid(1), text: "v1", editedAt: at(7) });
    expect(laterVersion(newer, older)).toBe(newer);
    expect(laterVersion(older, newer)).toBe(newer);
    expect(laterVersion(newer, message({ id: uid(1), text: "v0" }))).toBe(newer);
  });

  it("returns the same state for nothing", () => {
    const state = emptyState();
    expect(upsertMessages(state, []).state).toBe(state);
  });

  it("does not change the state it was given", () => {
    const state = upsertMessages(emptyState(), [message({ id: uid(1) })]).state;
    const before = JSON.stringify(state);
    upsertMessages(state, [message({ id: uid(2), createdAt: at(3) }), message({ id: uid(1), text: "x" })]);
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe("pending messages", () => {
  it("adds, updates, finds and removes by clientMessageId", () => {
    let state = addPending(emptyState(), pending({ clientMessageId: "c1" }));
    state = addPending(state, pending({ clientMessageId: "c2", text: "two" }));
    state = updatePending(state, "c1", { status: "failed", error: "network" });
    expect(findPending(state, "c1")).toMatchObject({ status: "failed", error: "network", text: "hi" });
    expect(findPending(state, "c2")?.status).toBe("sending");
    state = removePending(state, "c1");
    expect(state.pending.map((p) => p.clientMessageId)).toEqual(["c2"]);
  });

  it("ignores updates of a pending message that is gone", () => {
    const state = emptyState();
    expect(updatePending(state, "nope", { status: "failed" })).toBe(state);
  });

  it("adding the same clientMessageId again replaces it", () => {
    let state = addPending(emptyState(), pending({ clientMessageId: "c1", text: "a" }));
    state = addPending(state, pending({ clientMessageId: "c1", text: "b" }));
    expect(state.pending).toHaveLength(1);
    expect(state.pending[0]?.text).toBe("b");
  });

  it("confirmPending swaps the pending message for the server's", () => {
    let state = addPending(emptyState(), pending({ clientMessageId: "c1", text: "hi" }));
    state = confirmPending(state, "c1", message({ id: uid(5), direction: "in", text: "hi" }));
    expect(state.pending).toEqual([]);
    expect(ids(state)).toEqual([uid(5)]);
  });

  it("confirming twice (response and realtime echo) keeps one message", () => {
    let state = addPending(emptyState(), pending({ clientMessageId: "c1", text: "hi" }));
    const sent = message({ id: uid(5), direction: "in", text: "hi" });
    state = upsertMessages(state, [sent]).state; // the realtime echo first
    expect(state.pending).toEqual([]);
    state = confirmPending(state, "c1", sent); // then the POST's answer
    expect(ids(state)).toEqual([uid(5)]);
  });

  it("an echo takes the place of the oldest matching pending message only", () => {
    let state = addPending(emptyState(), pending({ clientMessageId: "c1", text: "ok" }));
    state = addPending(state, pending({ clientMessageId: "c2", text: "ok" }));
    state = upsertMessages(state, [message({ id: uid(1), direction: "in", text: "ok" })]).state;
    expect(state.pending.map((p) => p.clientMessageId)).toEqual(["c2"]);
  });
});

describe("matchesPending", () => {
  const p = pending({ clientMessageId: "c1", text: " hi " });

  it("matches the visitor's message with the same text", () => {
    expect(matchesPending(message({ id: uid(1), direction: "in", text: "hi" }), p)).toBe(true);
    expect(matchesPending(message({ id: uid(1), direction: "in", text: "hi!" }), p)).toBe(false);
    expect(matchesPending(message({ id: uid(1), direction: "out", text: "hi" }), p)).toBe(false);
  });

  it("prefers an exact clientMessageId when the server gives one", () => {
    const echoed = { ...message({ id: uid(1), direction: "in" as const, text: "hi" }), clientMessageId: "other" };
    expect(matchesPending(echoed, p)).toBe(false);
    expect(matchesPending({ ...echoed, clientMessageId: "c1", text: "changed" }, p)).toBe(true);
  });

  it("matches a file by its name, never while it uploads", () => {
    const file = { name: "a.pdf", size: 10, mime: "application/pdf", progress: 1, fileId: uid(9) };
    const filePending = pending({ clientMessageId: "c2", text: "", file });
    const withFile = message({
      id: uid(2),
      direction: "in",
      text: null,
      parts: [{ type: "file", url: "/widget/c/files/x", name: "a.pdf" }],
    });
    expect(matchesPending(withFile, filePending)).toBe(true);
    expect(matchesPending(withFile, { ...filePending, file: { ...file, name: "b.pdf" } })).toBe(false);
    expect(matchesPending(withFile, { ...filePending, status: "uploading" })).toBe(false);
    expect(matchesPending(message({ id: uid(3), direction: "in", text: "" }), filePending)).toBe(false);
  });
});

describe("pages", () => {
  const page = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => message({ id: uid(from + i), createdAt: at(from + i) }));

  it("fromSession starts over from the session's messages and keeps pending ones", () => {
    let state = upsertMessages(emptyState(), [message({ id: uid(50), createdAt: at(50) })]).state;
    state = addPending(state, pending({ clientMessageId: "c1" }));
    state = fromSession(state, { messages: page(1, 3), hasMore: true });
    expect(ids(state)).toEqual([uid(1), uid(2), uid(3)]);
    expect(state.pending).toHaveLength(1);
    expect(state.hasMore).toBe(true);
  });

  it("mergeOlder puts older messages first and takes hasMore from the page", () => {
    let state = fromSession(emptyState(), { messages: page(11, 12), hasMore: true });
    expect(oldestId(state)).toBe(uid(11));
    const result = mergeOlder(state, { items: page(9, 11), hasMore: false });
    state = result.state;
    expect(ids(state)).toEqual([uid(9), uid(10), uid(11), uid(12)]);
    expect(state.hasMore).toBe(false);
    expect(result.added.map((m) => m.id)).toEqual([uid(9), uid(10)]);
  });

  it("mergeLatest adds what was missed when the page overlaps", () => {
    const state = fromSession(emptyState(), { messages: page(5, 8), hasMore: true });
    const result = mergeLatest(state, { items: page(7, 10), hasMore: true });
    expect(ids(result.state)).toEqual(ids({ messages: page(5, 10) }));
    expect(result.state.hasMore).toBe(true);
    expect(result.added.map((m) => m.id)).toEqual([uid(9), uid(10)]);
  });

  it("mergeLatest restarts from the page when more was missed than a page holds", () => {
    let state = fromSession(emptyState(), { messages: page(1, 3), hasMore: false });
    state = addPending(state, pending({ clientMessageId: "c1", text: "unrelated" }));
    const result = mergeLatest(state, { items: page(20, 22), hasMore: true });
    expect(ids(result.state)).toEqual([uid(20), uid(21), uid(22)]);
    expect(result.state.hasMore).toBe(true);
    expect(result.state.pending).toHaveLength(1);
  });

  it("mergeLatest with everything on one page just merges", () => {
    const state = fromSession(emptyState(), { messages: page(1, 2), hasMore: false });
    const result = mergeLatest(state, { items: page(1, 4), hasMore: false });
    expect(ids(result.state)).toEqual(ids({ messages: page(1, 4) }));
    expect(result.state.hasMore).toBe(false);
  });

  it("mergeLatest into an empty conversation", () => {
    const result = mergeLatest(emptyState(), { items: page(1, 2), hasMore: true });
    expect(ids(result.state)).toEqual([uid(1), uid(2)]);
    expect(oldestId(emptyState())).toBeNull();
  });
});

describe("unreadSince", () => {
  const messages = [
    message({ id: uid(1), createdAt: at(1) }),
    message({ id: uid(2), createdAt: at(2), direction: "in" }),
    message({ id: uid(3), createdAt: at(3) }),
    message({ id: uid(4), createdAt: at(4), deletedAt: at(5) }),
    message({ id: uid(5), createdAt: at(6) }),
  ];

  it("counts the manager's live messages after the time seen", () => {
    expect(unreadSince(messages, at(1))).toBe(2);
    expect(unreadSince(messages, at(0))).toBe(3);
    expect(unreadSince(messages, at(6))).toBe(0);
  });

  it("counts nothing when nothing was ever seen", () => {
    expect(unreadSince(messages, null)).toBe(0);
  });
});
