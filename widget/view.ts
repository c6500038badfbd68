import type { WidgetAppearance } from "../common/widget";
import { type BubbleContext, renderRow } from "./bubbles";
import { Composer, closeButton } from "./composer";
import { el, icon, icons } from "./dom";
import { type Lang, type Strings, strings, typingText, unreadLabel } from "./i18n";
import type { Row } from "./rows";
import { colorVars, css, defaultColor } from "./styles";

export interface ViewHandlers {
  toggle(): void;
  close(): void;
  send(text: string): void;
  files(files: File[]): void;
  typing(text: string): void;
  retry(clientMessageId: string): void;
  remove(clientMessageId: string): void;
  older(): void;
  retrySession(): void;
}

export type ViewStatus = { kind: "loading" } | { kind: "ready" } | { kind: "error"; message: string; retry: boolean };

/** How the list scrolls after a render: keep the bottom when it was there, keep the place after older ones came, or go down. */
export type ScrollMode = "auto" | "older" | "bottom";

function adoptStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    shadow.appendChild(el("style", {}, [css]));
  }
}

/** The widget's DOM inside its shadow root: launcher, window, list, composer. State lives elsewhere. */
export class WidgetView {
  readonly root: HTMLElement;
  private readonly t: Strings;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLElement;
  private readonly window: HTMLElement;
  private readonly title: HTMLElement;
  private readonly list: HTMLElement;
  private readonly rowsBox: HTMLElement;
  private readonly olderNote: HTMLElement;
  private readonly statusNote: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly typingLine: HTMLElement;
  private readonly composer: Composer;
  private readonly cache = new Map<string, { sig: string; node: HTMLElement }>();
  private readonly ctx: BubbleContext;
  private status: ViewStatus["kind"] = "loading";
  private rowCount = 0;
  private pinned = true;

  constructor(
    private readonly shadow: ShadowRoot,
    private readonly lang: Lang,
    origin: string,
    private readonly handlers: ViewHandlers,
  ) {
    this.t = strings[lang];
    const t = this.t;
    this.ctx = { lang, origin, channelName: "", onRetry: handlers.retry, onRemove: handlers.remove };
    adoptStyles(shadow);

    this.badge = el("span", { class: "badge", id: "pw-unread", "data-testid": "parley-unread", hidden: true });
    this.launcher = el("button", {
      type: "button",
      class: "launcher",
      "data-testid": "parley-launcher",
      "aria-expanded": "false",
      "aria-controls": "pw-window",
    });
    this.launcher.addEventListener("click", () => handlers.toggle());

    // The channel's name once the session tells it; a plain "Chat" when it never does (a refusal).
    this.title = el("div", { class: "title" }, [t.chat]);
    const close = closeButton(t);
    close.addEventListener("click", () => handlers.close());

    this.olderNote = el("div", { class: "note", hidden: true }, [t.loadingOlder]);
    this.rowsBox = el("div", { class: "rows" });
    this.statusNote = el("div", { class: "note", hidden: true });
    this.list = el(
      "div",
      {
        class: "list",
        role: "log",
        "aria-live": "polite",
        "aria-label": t.messages,
        "data-testid": "parley-messages",
        tabindex: "0",
      },
      [this.olderNote, this.rowsBox, this.statusNote],
    );
    this.list.addEventListener("scroll", () => this.onScroll(), { passive: true });
    // Images that load later grow the list, the typing line or a taller message box shrink it: stay at
    // the bottom when the visitor was there.
    this.list.addEventListener("load", () => this.pinned && this.toBottom(), true);
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(() => this.pinned && this.toBottom()).observe(this.list);
    }

    this.errorBox = el("div", { class: "error", role: "alert", "data-testid": "parley-error", hidden: true });
    this.typingLine = el("div", {
      class: "typing",
      "data-testid": "parley-typing",
      "aria-live": "polite",
      hidden: true,
    });

    this.composer = new Composer(t, handlers);

    this.window = el(
      "div",
      {
        class: "window",
        id: "pw-window",
        role: "dialog",
        "aria-modal": "false",
        "data-testid": "parley-window",
        hidden: true,
      },
      [
        el("div", { class: "header" }, [this.title, close]),
        this.errorBox,
        this.list,
        this.typingLine,
        this.composer.element,
      ],
    );
    this.window.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        handlers.close();
      }
    });
    this.window.addEventListener("dragover", (e) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    });
    this.window.addEventListener("drop", (e) => {
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      e.preventDefault();
      this.composer.drop(files);
    });

    this.root = el("div", { class: "pw", lang }, [this.window, this.launcher]);
    this.setChannel({ name: "", color: defaultColor, greeting: "", position: "right" });
    this.setOpen(false, false);
    this.setStatus({ kind: "loading" });
    shadow.appendChild(this.root);
  }

  setChannel(channel: WidgetAppearance): void {
    for (const [name, value] of Object.entries(colorVars(channel.color))) this.root.style.setProperty(name, value);
    this.root.classList.toggle("left", channel.position === "left");
    this.title.textContent = channel.name;
    this.window.setAttribute("aria-label", channel.name || this.t.messages);
    this.ctx.channelName = channel.name;
  }

  setOpen(open: boolean, focus: boolean): void {
    const wasOpen = !this.window.hidden;
    this.window.hidden = !open;
    this.root.classList.toggle("open", open);
    this.launcher.replaceChildren(icon(open ? icons.close : icons.chat), this.badge);
    this.launcher.setAttribute("aria-label", open ? this.t.closeChat : this.t.openChat);
    this.launcher.setAttribute("aria-expanded", String(open));
    if (open && !wasOpen) {
      this.toBottom();
      if (focus) this.composer.focus();
    }
    // Back to the launcher only when focus was in the widget (never steal it from the page).
    if (!open && wasOpen && this.shadow.activeElement) this.launcher.focus();
  }

  setUnread(count: number): void {
    this.badge.hidden = count <= 0;
    this.badge.textContent = count > 99 ? "99+" : String(count);
    this.badge.setAttribute("aria-label", unreadLabel(this.lang, count));
    if (count > 0) this.launcher.setAttribute("aria-describedby", "pw-unread");
    else this.launcher.removeAttribute("aria-describedby");
  }

  setStatus(status: ViewStatus): void {
    this.status = status.kind;
    this.updateNote();
    this.errorBox.hidden = status.kind !== "error";
    if (status.kind === "error") {
      this.errorBox.replaceChildren(status.message);
      if (status.retry) {
        const retry = el("button", { type: "button", "data-testid": "parley-retry" }, [this.t.tryAgain]);
        retry.addEventListener("click", () => this.handlers.retrySession());
        this.errorBox.append(retry);
      }
    }
    this.composer.setState(status.kind === "ready", status.kind === "error");
  }

  /** Shows the rows, reusing the DOM of rows that did not change. */
  setRows(rows: readonly Row[], mode: ScrollMode): void {
    const before = { height: this.list.scrollHeight, top: this.list.scrollTop };
    if (mode === "older") this.olderNote.hidden = true;
    const salt = `${this.ctx.channelName}|`;
    const nodes: HTMLElement[] = [];
    const keep = new Set<string>();
    for (const row of rows) {
      const sig = salt + JSON.stringify(row);
      let entry = this.cache.get(row.key);
      if (!entry || entry.sig !== sig) {
        entry = { sig, node: renderRow(row, this.ctx) };
        this.cache.set(row.key, entry);
      }
      keep.add(row.key);
      nodes.push(entry.node);
    }
    for (const key of [...this.cache.keys()]) if (!keep.has(key)) this.cache.delete(key);
    let cursor: ChildNode | null = this.rowsBox.firstChild;
    for (const node of nodes) {
      if (node === cursor) cursor = cursor.nextSibling;
      else this.rowsBox.insertBefore(node, cursor);
    }
    while (cursor) {
      const next: ChildNode | null = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
    this.rowCount = rows.length;
    this.updateNote();
    if (mode === "older") this.list.scrollTop = before.top + (this.list.scrollHeight - before.height);
    else if (mode === "bottom" || this.pinned) this.toBottom();
  }

  setTyping(name: string | null): void {
    this.typingLine.hidden = name === null;
    this.typingLine.textContent = name === null ? "" : typingText(this.lang, name);
  }

  setLoadingOlder(loading: boolean): void {
    this.olderNote.hidden = !loading;
  }

  /** Whether the list is short enough that scrolling up cannot ask for older messages. */
  listFits(): boolean {
    return !this.window.hidden && this.list.scrollHeight <= this.list.clientHeight + 40;
  }

  /** The line under the messages: loading, or the empty state when there is nothing to show. */
  private updateNote(): void {
    const loading = this.status === "loading";
    const empty = this.status === "ready" && this.rowCount === 0;
    this.statusNote.hidden = !loading && !empty;
    this.statusNote.textContent = loading ? this.t.loading : this.t.empty;
    this.statusNote.setAttribute("data-testid", loading ? "parley-loading" : "parley-empty");
  }

  private toBottom(): void {
    this.list.scrollTop = this.list.scrollHeight;
    this.pinned = true;
  }

  private onScroll(): void {
    const { scrollTop, scrollHeight, clientHeight } = this.list;
    this.pinned = scrollHeight - scrollTop - clientHeight < 60;
    if (scrollTop < 80) this.handlers.older();
  }
}
