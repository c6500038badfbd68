import type { WidgetApi } from "./api";
import { toApiError } from "./api";
import { type MessageState, mergeLatest, mergeOlder, oldestId, type UpsertResult } from "./store";
import type { ScrollMode } from "./view";

export const pageSize = 30;

/** What loading history needs of the widget. */
export interface HistoryHost {
  state: MessageState;
  readonly token: string | null;
  readonly api: WidgetApi;
  isOpen(): boolean;
  render(mode?: ScrollMode): void;
  noticeNew(added: UpsertResult["added"]): void;
  renewAfterRefusal(): Promise<boolean>;
  setLoadingOlder(loading: boolean): void;
  /** The list is shorter than the window: scrolling up cannot ask for more. */
  listFits(): boolean;
}

/** Older pages (scrolling up) and the catch-up after a break in realtime. */
export class History {
  private loading = false;

  constructor(private readonly host: HistoryHost) {}

  /** The page before the oldest message, keeping the scroll position. */
  async loadOlder(): Promise<void> {
    const { host } = this;
    const before = oldestId(host.state);
    const token = host.token;
    if (this.loading || !host.state.hasMore || !before || !token || !host.isOpen()) return;
    this.loading = true;
    host.setLoadingOlder(true);
    try {
      const page = await host.api.messages(token, { before, limit: pageSize });
      if (token !== host.token) {
        host.setLoadingOlder(false);
        return;
      }
      host.state = mergeOlder(host.state, page).state;
      host.render("older");
    } catch (e) {
      host.setLoadingOlder(false);
      if (toApiError(e).code === "invalid_visitor") void host.renewAfterRefusal();
      return;
    } finally {
      this.loading = false;
    }
    this.fillIfShort();
  }

  /** When the list does not fill the window there is nothing to scroll: load older messages directly. */
  fillIfShort(): void {
    if (this.host.isOpen() && this.host.state.hasMore && this.host.listFits()) {
      setTimeout(() => void this.loadOlder(), 0);
    }
  }

  /** After a break in realtime: the latest page, merged, so that nothing is missed. */
  async catchUp(): Promise<void> {
    const { host } = this;
    const token = host.token;
    if (!token) return;
    try {
      const page = await host.api.messages(token, { limit: pageSize });
      if (token !== host.token) return;
      const result = mergeLatest(host.state, page);
      host.state = result.state;
      host.noticeNew(result.added);
      host.render();
    } catch {
      // The next message or reconnect brings things up to date.
    }
  }
}
