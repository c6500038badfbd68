import type { WidgetAppearance, WidgetIdentity, WidgetMessage, WidgetSessionResponse } from "../common/widget";
import { createApi, toApiError, type WidgetApi } from "./api";
import { describeFailure } from "./failure";
import { History } from "./history";
import type { Lang } from "./i18n";
import { Outbox } from "./outbox";
import { connectRealtime, type Realtime } from "./realtime";
import { layoutRows } from "./rows";
import { emptyState, fromSession, type MessageState, unreadSince, upsertMessages } from "./store";
import { IncomingTyping, OutgoingTyping } from "./typing";
import { readIdentity, safeStorage } from "./util";
import { type ScrollMode, WidgetView } from "./view";

export interface AppOptions {
  origin: string;
  channelId: string;
  lang: Lang;
  identity: WidgetIdentity | null;
  host: HTMLElement;
  shadow: ShadowRoot;
}

const isMessage = (value: unknown): value is WidgetMessage =>
  !!value &&
  typeof value === "object" &&
  typeof (value as WidgetMessage).id === "string" &&
  Array.isArray((value as WidgetMessage).parts);

/** The widget at work: the session, the conversation, realtime, the window. */
export class WidgetApp {
  state: MessageState = emptyState();
  token: string | null;
  readonly api: WidgetApi;
  readonly view: WidgetView;
  private readonly outbox: Outbox;
  private readonly history: History;
  private readonly local = safeStorage(() => window.localStorage);
  private readonly session = safeStorage(() => window.sessionStorage);
  private readonly keys: { token: string; seen: string; open: string };
  private identity: WidgetIdentity | null;
  private channel: WidgetAppearance | null = null;
  private realtime: Realtime | null = null;
  private running: Promise<boolean> | null = null;
  /** Counts session starts: the answer of a superseded one is ignored. */
  private generation = 0;
  /** A refused token is dropped and a new session started once per page (never in a loop). */
  private renewed = false;
  private mounted = false;
  private destroyed = false;
  private open = false;
  private wantOpen = false;
  private unread = 0;
  private readonly typing = new OutgoingTyping((typing) => this.realtime?.typing(typing));
  private readonly managerTyping: IncomingTyping;

  constructor(private readonly options: AppOptions) {
    const { origin, channelId, lang } = options;
    this.keys = {
      token: `parley:visitor:${channelId}`,
      seen: `parley:seen:${channelId}`,
      open: `parley:open:${channelId}`,
    };
    this.token = this.local.get(this.keys.token);
    this.identity = options.identity;
    this.api = createApi(origin, channelId);
    this.outbox = new Outbox(this);
    this.history = new History(this);
    this.managerTyping = new IncomingTyping((name) => this.view.setTyping(name));
    this.view = new WidgetView(options.shadow, lang, origin, {
      toggle: () => this.setOpen(!this.open, true),
      close: () => this.setOpen(false, true),
      send: (text) => {
        this.typing.stop();
        this.outbox.sendText(text);
      },
      files: (files) => this.outbox.sendFiles(files),
      typing: (text) => this.typing.input(text),
      retry: (id) => this.outbox.retry(id),
      remove: (id) => this.outbox.remove(id),
      older: () => void this.history.loadOlder(),
      retrySession: () => {
        this.renewed = false;
        void this.renew();
      },
    });
  }

  start(): void {
    void this.renew();
  }

  /** `ParleyWidget.open()` / `close()` / `identify()`. */
  openFromApi(): void {
    if (this.mounted) this.setOpen(true, true);
    else this.wantOpen = true;
  }

  close(): void {
    this.wantOpen = false;
    if (this.mounted) this.setOpen(false, true);
  }

  identify(value: unknown): void {
    const identity = readIdentity(value);
    if (!identity) {
      console.warn("Parley: ParleyWidget.identify() needs {id, hash} (hash: the hex HMAC-SHA256 of id).");
      return;
    }
    this.identity = identity;
    this.renewed = false;
    void this.renew(true);
  }

  render(mode: ScrollMode = "auto"): void {
    this.view.setRows(layoutRows(this.state, this.channel?.greeting ?? "", this.options.lang, new Date()), mode);
  }

  /** The token to call with, after any session start in progress; null when there is no session. */
  async currentToken(): Promise<string | null> {
    if (this.running) await this.running;
    return this.token;
  }

  /** Drops a refused token and starts a new session, once per page; false when that is not possible. */
  async renewAfterRefusal(): Promise<boolean> {
    if (this.renewed) return false;
    this.renewed = true;
    this.dropToken();
    return this.renew();
  }

  isOpen(): boolean {
    return this.open;
  }

  setLoadingOlder(loading: boolean): void {
    this.view.setLoadingOlder(loading);
  }

  listFits(): boolean {
    return this.view.listFits();
  }

  /** Counts or marks seen the manager's messages that just arrived. */
  noticeNew(added: readonly WidgetMessage[]): void {
    const fresh = added.filter((m) => m.direction === "out" && !m.deletedAt);
    if (fresh.length === 0) return;
    this.managerTyping.clear();
    if (this.open) this.markSeen();
    else {
      this.unread += fresh.length;
      this.view.setUnread(this.unread);
    }
  }

  /** Remembers the newest message as seen (while the window is open). */
  markSeen(): void {
    if (!this.open) return;
    const newest = this.state.messages.at(-1);
    if (newest) this.local.set(this.keys.seen, newest.createdAt);
  }

  /** Starts a session unless one is starting (`fresh`: start anew, the one starting no longer counts). */
  private renew(fresh = false): Promise<boolean> {
    if (this.running && !fresh) return this.running;
    const run: Promise<boolean> = this.startSession().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private dropToken(): void {
    this.token = null;
    this.local.remove(this.keys.token);
  }

  private async startSession(): Promise<boolean> {
    const generation = ++this.generation;
    this.view.setStatus({ kind: "loading" });
    for (;;) {
      try {
        const body: { visitorToken?: string; identity?: WidgetIdentity } = {};
        if (this.token) body.visitorToken = this.token;
        if (this.identity) body.identity = this.identity;
        const res = await this.api.session(body);
        if (generation !== this.generation) return false;
        this.applySession(res);
        return true;
      } catch (e) {
        if (generation !== this.generation) return false;
        const error = toApiError(e);
        if (error.code === "invalid_visitor" && this.token && !this.renewed) {
          this.renewed = true;
          this.dropToken();
          continue;
        }
        this.sessionFailed(error.code);
        return false;
      }
    }
  }

  private applySession(res: WidgetSessionResponse): void {
    if (this.destroyed) return;
    this.token = res.visitorToken;
    this.local.set(this.keys.token, res.visitorToken);
    this.channel = res.channel;
    this.view.setChannel(res.channel);
    this.state = fromSession(this.state, res);
    this.unread = this.open ? 0 : unreadSince(this.state.messages, this.local.get(this.keys.seen));
    this.view.setUnread(this.unread);
    this.view.setStatus({ kind: "ready" });
    this.mount();
    this.render("bottom");
    if (this.open) this.markSeen();
    if (this.realtime) this.realtime.restart();
    else this.connect();
    this.history.fillIfShort();
  }

  private sessionFailed(code: string): void {
    if (this.destroyed) return;
    const failure = describeFailure(code, this.options.lang, this.options.channelId, location.origin);
    if (failure.warning) console.warn(failure.warning);
    this.realtime?.close();
    this.realtime = null;
    if (failure.hide) {
      this.destroy();
      return;
    }
    this.mount();
    this.view.setStatus({ kind: "error", message: failure.message, retry: failure.retry });
  }

  private connect(): void {
    const { origin, channelId } = this.options;
    this.realtime = connectRealtime(origin, channelId, () => this.token, {
      message: (message) => {
        if (!isMessage(message)) return;
        const result = upsertMessages(this.state, [message]);
        this.state = result.state;
        this.noticeNew(result.added);
        this.render();
      },
      typing: (event) => this.managerTyping.event(String(event?.name ?? ""), event?.typing === true),
      reconnected: () => void this.history.catchUp(),
      fatal: (code) => {
        this.realtime = null;
        if (code === "invalid_visitor") {
          void this.renewAfterRefusal().then((ok) => ok || this.sessionFailed(code));
          return;
        }
        this.sessionFailed(code === "not_found" ? "unavailable" : code);
      },
    });
  }

  private mount(): void {
    if (this.mounted || this.destroyed) return;
    this.mounted = true;
    const attach = () => {
      if (!this.destroyed && !this.options.host.isConnected) document.body.appendChild(this.options.host);
    };
    if (document.body) attach();
    else document.addEventListener("DOMContentLoaded", attach, { once: true });
    if (this.wantOpen || this.session.get(this.keys.open) === "1") this.setOpen(true, this.wantOpen);
  }

  private destroy(): void {
    this.destroyed = true;
    this.realtime?.close();
    this.realtime = null;
    this.options.host.remove();
  }

  private setOpen(open: boolean, focus: boolean): void {
    this.open = open;
    this.session.set(this.keys.open, open ? "1" : "0");
    this.view.setOpen(open, focus);
    if (!open) return;
    this.unread = 0;
    this.view.setUnread(0);
    this.markSeen();
    this.history.fillIfShort();
  }
}
