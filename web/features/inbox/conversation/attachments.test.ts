import { describe, expect, it } from "vitest";
import { type Attachment, fitFiles, maxAttachments, sendBlock, sendBody } from "./attachments";

const done = (key: string, id: string): Attachment => ({
  key,
  name: `${key}.png`,
  size: 10,
  state: "done",
  file: { id, name: `${key}.png`, mime: "image/png", size: 10, url: `/api/v1/workspaces/w/files/${id}` },
});
const uploading: Attachment = { key: "u", name: "u.pdf", size: 10, state: "uploading", progress: 0.5 };
const failed: Attachment = { key: "f", name: "f.pdf", size: 10, state: "failed", error: new Error("x") };

describe("fitFiles", () => {
  it("accepts files up to the limit and counts the rest", () => {
    expect(fitFiles(0, [1, 2, 3])).toEqual({ accepted: [1, 2, 3], dropped: 0 });
    expect(fitFiles(maxAttachments - 1, [1, 2, 3])).toEqual({ accepted: [1], dropped: 2 });
    expect(fitFiles(maxAttachments + 2, [1])).toEqual({ accepted: [], dropped: 1 });
  });
});

describe("sendBlock", () => {
  it("needs text or an uploaded file", () => {
    expect(sendBlock("  ", [])).toBe("empty");
    expect(sendBlock("hi", [])).toBeNull();
    expect(sendBlock("", [done("a", "1")])).toBeNull();
  });

  it("waits for uploads and for failed files to be removed", () => {
    expect(sendBlock("hi", [done("a", "1"), uploading])).toBe("uploading");
    expect(sendBlock("hi", [failed])).toBe("failed");
  });
});

describe("sendBody", () => {
  it("sends the trimmed text, the files in order and the reply", () => {
    expect(sendBody("  hi ", [done("a", "1"), done("b", "2")], "r")).toEqual({
      text: "hi",
      attachments: [{ fileId: "1" }, { fileId: "2" }],
      replyToId: "r",
    });
  });

  it("leaves out what is empty", () => {
    expect(sendBody(" ", [done("a", "1")], null)).toEqual({ attachments: [{ fileId: "1" }] });
    expect(sendBody("hi", [], null)).toEqual({ text: "hi" });
  });
});
