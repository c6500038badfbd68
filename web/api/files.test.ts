import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, onUnauthorized } from "./client";
import { uploadFile } from "./files";

/** Just enough of XMLHttpRequest: the test decides how each request ends. */
class FakeXhr {
  static last: FakeXhr | null = null;
  status = 0;
  statusText = "";
  responseText = "";
  withCredentials = false;
  method = "";
  url = "";
  body: unknown = null;
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader() {}
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const current = (): FakeXhr => {
  if (!FakeXhr.last) throw new Error("no request");
  return FakeXhr.last;
};

afterEach(() => {
  vi.unstubAllGlobals();
  FakeXhr.last = null;
});

const file = new File(["hello"], "hello.txt", { type: "text/plain" });
const ws = "00000000-0000-7000-8000-000000000001";

describe("uploadFile", () => {
  it("posts the file as multipart field `file`, reports progress and returns the stored file", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    const progress: number[] = [];
    const pending = uploadFile(ws, file, (fraction) => progress.push(fraction));
    const xhr = current();
    expect([xhr.method, xhr.url, xhr.withCredentials]).toEqual(["POST", `/api/v1/workspaces/${ws}/files`, true]);
    expect(xhr.body instanceof FormData && xhr.body.get("file")).toBeInstanceOf(File);
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
    const stored = {
      id: "f1",
      name: "hello.txt",
      mime: "text/plain",
      size: 5,
      url: `/api/v1/workspaces/${ws}/files/f1`,
    };
    xhr.answer(201, { file: stored });
    await expect(pending).resolves.toEqual(stored);
    expect(progress).toEqual([0.5, 1]);
  });

  it("turns an error answer into an ApiError and reports a lost session", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    const seen: string[] = [];
    const stop = onUnauthorized((error) => seen.push(error.code));
    const tooLarge = uploadFile(ws, file, () => {});
    current().answer(413, { error: { code: "payload_too_large", message: "The file is larger than 20 MB." } });
    await expect(tooLarge).rejects.toMatchObject({ status: 413, code: "payload_too_large" });
    const expired = uploadFile(ws, file, () => {});
    current().answer(401, { error: { code: "session_expired", message: "Expired" } });
    await expect(expired).rejects.toBeInstanceOf(ApiError);
    stop();
    expect(seen).toEqual(["session_expired"]);
  });

  it("cancels when aborted", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    const controller = new AbortController();
    const pending = uploadFile(ws, file, () => {}, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
