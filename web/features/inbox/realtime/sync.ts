import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { chatDto, inboxEvents, messageDto } from "../../../../common/inbox";
import type { EventsResponse } from "../../../../common/workspaces";
import { api } from "../../../api/client";
import { inboxKeys } from "../../../api/inbox";
import { workspacePath } from "../../../api/workspaces";
import { applyChat, applyMessage } from "./cache";

export interface WireEvent {
  workspaceId: string;
  seq: number;
  type: string;
  payload: unknown;
}

/** The last event applied per workspace: kept across reconnects and page changes of this tab. */
const lastSeqs = new Map<string, number>();

const created = z.object({ message: messageDto, chat: chatDto });
const updated = z.object({ message: messageDto, chat: chatDto.optional() });
const chatChanged = z.object({ chat: chatDto });

/**
 * Applies a workspace's events to the query caches in sequence order. Live events are applied when they are the
 * next in line; a gap, a reconnect or the first start pages through `events?after=N`, so nothing is lost.
 */
export class InboxSync {
  private running = false;
  private again = false;
  private stopped = false;
  private countsTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ws: string,
    private readonly queryClient: QueryClient,
    private readonly onBaseline: () => void,
  ) {}

  get baselineKnown(): boolean {
    return lastSeqs.has(this.ws);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.countsTimer);
    clearTimeout(this.retryTimer);
  }

  receive(event: WireEvent): void {
    if (event.workspaceId !== this.ws || this.stopped) return;
    const last = lastSeqs.get(this.ws);
    if (last === undefined || this.running) {
      this.again = true;
      return;
    }
    if (event.seq <= last) return;
    if (event.seq === last + 1) {
      this.apply(event);
      return;
    }
    void this.catchUp();
  }

  async catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        await this.page();
      } while (this.again && !this.stopped);
    } catch {
      // Offline or the server restarts: try again shortly (the socket's reconnect also calls in).
      if (!this.stopped) this.retryTimer = setTimeout(() => void this.catchUp(), 3000);
    } finally {
      this.running = false;
    }
  }

  private async page(): Promise<void> {
    const base = `${workspacePath(this.ws)}/events`;
    if (!lastSeqs.has(this.ws)) {
      // First start: everything before now is in what the lists load next.
      const head = await api.get<EventsResponse>(`${base}?limit=0`);
      if (this.stopped) return;
      lastSeqs.set(this.ws, head.lastSeq);
      this.onBaseline();
      return;
    }
    for (;;) {
      const after = lastSeqs.get(this.ws) ?? 0;
      const batch = await api.get<EventsResponse>(`${base}?after=${after}&limit=500`);
      if (this.stopped || batch.items.length === 0) return;
      for (const item of batch.items) {
        if (item.seq > (lastSeqs.get(this.ws) ?? 0)) this.apply({ ...item, workspaceId: this.ws });
      }
    }
  }

  private apply(event: WireEvent): void {
    lastSeqs.set(this.ws, event.seq);
    const { queryClient, ws } = this;
    if (event.type === inboxEvents.messageCreated) {
      const parsed = created.safeParse(event.payload);
      if (!parsed.success) return;
      applyMessage(queryClient, ws, parsed.data.message, "upsert");
      applyChat(queryClient, ws, parsed.data.chat);
      this.refreshCounts();
    } else if (event.type === inboxEvents.messageUpdated) {
      const parsed = updated.safeParse(event.payload);
      if (!parsed.success) return;
      applyMessage(queryClient, ws, parsed.data.message, "update");
      // An edit or deletion of the chat's last message changes its preview in the list.
      if (parsed.data.chat) applyChat(queryClient, ws, parsed.data.chat);
    } else if (event.type === inboxEvents.chatUpdated) {
      const parsed = chatChanged.safeParse(event.payload);
      if (!parsed.success) return;
      applyChat(queryClient, ws, parsed.data.chat);
      this.refreshCounts();
    } else if (event.type.startsWith("channel.")) {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.channels(ws) });
    }
  }

  /** The tab counts come from the server (a one-row list request), once per burst of events. */
  private refreshCounts(): void {
    clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(() => {
      void this.queryClient.invalidateQueries({ queryKey: inboxKeys.counts(this.ws) });
    }, 200);
  }
}
