import type { WidgetSendRequest } from "../common/widget";
import { backoffDelay, isRetryable, sleep, toApiError, type WidgetApi, WidgetApiError } from "./api";
import {
  addPending,
  confirmPending,
  findPending,
  type MessageState,
  type PendingError,
  type PendingMessage,
  removePending,
  updatePending,
} from "./store";
import { uuid4 } from "./util";
import type { ScrollMode } from "./view";

/** Tries of one send before it is shown as not sent (the same clientMessageId each time: Parley stores it once). */
export const sendAttempts = 4;
/** Files one pick may send (one message each). */
const filesAtOnce = 10;

/** What the outbox needs of the widget. */
export interface OutboxHost {
  state: MessageState;
  readonly api: WidgetApi;
  currentToken(): Promise<string | null>;
  renewAfterRefusal(): Promise<boolean>;
  render(mode?: ScrollMode): void;
  markSeen(): void;
}

/** Why a send failed, for the bubble. */
export const failureOf = (error: WidgetApiError): PendingError =>
  error.status === 413 || error.code === "too_large" ? "too_large" : isRetryable(error) ? "network" : "rejected";

/** The visitor's messages on their way: shown at once, uploaded, sent, retried. */
export class Outbox {
  private readonly files = new Map<string, File>();

  constructor(
    private readonly host: OutboxHost,
    /** Waits before try number `attempt + 1` (tests pass a quicker one). */
    private readonly wait: (attempt: number) => Promise<void> = (attempt) => sleep(backoffDelay(attempt)),
  ) {}

  sendText(text: string): void {
    const pending = this.create(text, null);
    this.host.render("bottom");
    void this.deliver(pending.clientMessageId);
  }

  sendFiles(files: readonly File[]): void {
    const ids = files.slice(0, filesAtOnce).map((file) => {
      const pending = this.create("", file);
      this.files.set(pending.clientMessageId, file);
      return pending.clientMessageId;
    });
    this.host.render("bottom");
    for (const id of ids) void this.uploadThenSend(id);
  }

  retry(id: string): void {
    const pending = findPending(this.host.state, id);
    if (!pending) return;
    if (pending.file && !pending.file.fileId) {
      void this.uploadThenSend(id);
      return;
    }
    this.update(id, { status: "sending", error: null });
    void this.deliver(id);
  }

  remove(id: string): void {
    this.files.delete(id);
    this.host.state = removePending(this.host.state, id);
    this.host.render();
  }

  private create(text: string, file: File | null): PendingMessage {
    const pending: PendingMessage = {
      clientMessageId: uuid4(),
      text,
      file: file && { name: file.name || "file", size: file.size, mime: file.type, progress: 0, fileId: null },
      status: file ? "uploading" : "sending",
      error: null,
      createdAt: new Date().toISOString(),
    };
    this.host.state = addPending(this.host.state, pending);
    return pending;
  }

  private update(id: string, change: Partial<Omit<PendingMessage, "clientMessageId">>): void {
    this.host.state = updatePending(this.host.state, id, change);
    this.host.render();
  }

  private fail(id: string, error: WidgetApiError): void {
    this.update(id, { status: "failed", error: failureOf(error) });
  }

  private async uploadThenSend(id: string): Promise<void> {
    const file = this.files.get(id);
    const start = findPending(this.host.state, id);
    if (!file || !start?.file) return;
    this.update(id, { status: "uploading", error: null, file: { ...start.file, progress: 0 } });
    for (;;) {
      const token = await this.host.currentToken();
      if (!token) return this.fail(id, new WidgetApiError(0, "network", "No session"));
      try {
        const uploaded = await this.host.api.upload(token, file, (progress) => {
          const current = findPending(this.host.state, id)?.file;
          if (current) this.update(id, { file: { ...current, progress } });
        }).promise;
        const current = findPending(this.host.state, id)?.file;
        if (!current) return;
        this.update(id, { status: "sending", file: { ...current, progress: 1, fileId: uploaded.id } });
        break;
      } catch (e) {
        const error = toApiError(e);
        if (error.code === "invalid_visitor" && (await this.host.renewAfterRefusal())) continue;
        return this.fail(id, error);
      }
    }
    await this.deliver(id);
  }

  private async deliver(id: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      // Gone: removed, or already shown as the server's message (its realtime echo came first).
      const pending = findPending(this.host.state, id);
      if (!pending) return;
      const token = await this.host.currentToken();
      if (!token) return this.fail(id, new WidgetApiError(0, "network", "No session"));
      const body: WidgetSendRequest = { clientMessageId: id };
      if (pending.text) body.text = pending.text;
      if (pending.file?.fileId) body.attachments = [{ fileId: pending.file.fileId }];
      try {
        const message = await this.host.api.send(token, body);
        this.files.delete(id);
        this.host.state = confirmPending(this.host.state, id, message);
        this.host.markSeen();
        this.host.render("bottom");
        return;
      } catch (e) {
        const error = toApiError(e);
        if (error.code === "invalid_visitor" && (await this.host.renewAfterRefusal())) continue;
        if (isRetryable(error) && attempt < sendAttempts - 1) {
          await this.wait(attempt);
          continue;
        }
        return this.fail(id, error);
      }
    }
  }
}
