import { describe, expect, it } from "vitest";
import { TypingEmitter, type TypingRequest, typingRepeatMs } from "./typingEmitter";

const setup = () => {
  let now = 1_000_000;
  const sent: TypingRequest[] = [];
  const emitter = new TypingEmitter(
    "chat-1",
    (request) => sent.push(request),
    () => now,
  );
  return {
    emitter,
    sent,
    wait: (ms: number) => {
      now += ms;
    },
  };
};

describe("TypingEmitter", () => {
  it("says typing:true at most every 2 s while there is text", () => {
    const { emitter, sent, wait } = setup();
    emitter.input("H");
    emitter.input("He");
    wait(typingRepeatMs - 1);
    emitter.input("Hel");
    expect(sent).toEqual([{ chatId: "chat-1", typing: true }]);
    wait(1);
    emitter.input("Hell");
    expect(sent).toHaveLength(2);
  });

  it("says typing:false once when the text is cleared or the message is sent, and nothing when idle", () => {
    const { emitter, sent } = setup();
    emitter.stop();
    emitter.input("   ");
    expect(sent).toEqual([]);
    emitter.input("Hi");
    emitter.input("");
    emitter.input("");
    expect(sent).toEqual([
      { chatId: "chat-1", typing: true },
      { chatId: "chat-1", typing: false },
    ]);
    // Typing again right after clearing starts at once.
    emitter.input("Hi again");
    emitter.stop();
    emitter.stop();
    expect(sent.map((request) => request.typing)).toEqual([true, false, true, false]);
  });
});
