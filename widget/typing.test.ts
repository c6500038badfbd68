import { describe, expect, it } from "vitest";
import { IncomingTyping, OutgoingTyping, remoteTypingFor, typingEvery, typingIdle } from "./typing";

/** Hand-driven timers. */
function clock() {
  let now = 1_000_000;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    timers: {
      now: () => now,
      set: (fn: () => void, ms: number) => {
        const id = next++;
        timers.set(id, { at: now + ms, fn });
        return id;
      },
      clear: (handle: unknown) => {
        timers.delete(handle as number);
      },
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.fn();
        }
      }
    },
  };
}

describe("OutgoingTyping", () => {
  it("says typing at most every 2 s while the visitor types", () => {
    const c = clock();
    const sent: boolean[] = [];
    const typing = new OutgoingTyping((t) => sent.push(t), c.timers);
    typing.input("h");
    c.advance(500);
    typing.input("he");
    c.advance(typingEvery - 500);
    typing.input("hel");
    expect(sent).toEqual([true, true]);
  });

  it("says stopped when the text is cleared or sent, once", () => {
    const c = clock();
    const sent: boolean[] = [];
    const typing = new OutgoingTyping((t) => sent.push(t), c.timers);
    typing.input("hi");
    typing.input("   ");
    typing.stop();
    expect(sent).toEqual([true, false]);
    typing.input("again");
    typing.stop();
    expect(sent).toEqual([true, false, true, false]);
  });

  it("says stopped after a pause without keys", () => {
    const c = clock();
    const sent: boolean[] = [];
    const typing = new OutgoingTyping((t) => sent.push(t), c.timers);
    typing.input("hi");
    c.advance(typingIdle - 1);
    typing.input("hi!");
    c.advance(typingIdle - 1);
    expect(sent).toEqual([true, true]);
    c.advance(1);
    expect(sent).toEqual([true, true, false]);
  });

  it("sends nothing for blank input", () => {
    const sent: boolean[] = [];
    new OutgoingTyping((t) => sent.push(t), clock().timers).input("  ");
    expect(sent).toEqual([]);
  });
});

describe("IncomingTyping", () => {
  it("shows the name until 6 s after the last true", () => {
    const c = clock();
    const shown: (string | null)[] = [];
    const typing = new IncomingTyping((n) => shown.push(n), c.timers);
    typing.event("Anna", true);
    c.advance(remoteTypingFor - 1000);
    typing.event("Anna", true);
    c.advance(remoteTypingFor - 1);
    expect(shown).toEqual(["Anna", "Anna"]);
    c.advance(1);
    expect(shown).toEqual(["Anna", "Anna", null]);
  });

  it("hides at once on false or when cleared", () => {
    const c = clock();
    const shown: (string | null)[] = [];
    const typing = new IncomingTyping((n) => shown.push(n), c.timers);
    typing.event("Anna", true);
    typing.event("Anna", false);
    typing.event("Boris", true);
    typing.clear();
    c.advance(remoteTypingFor * 2);
    expect(shown).toEqual(["Anna", null, "Boris", null]);
  });
});
