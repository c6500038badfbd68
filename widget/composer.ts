import { el, icon, icons } from "./dom";
import type { Strings } from "./i18n";

export interface ComposerHandlers {
  send(text: string): void;
  files(files: File[]): void;
  typing(text: string): void;
}

function iconButton(label: string, paths: readonly string[], testId: string, className = "icon"): HTMLButtonElement {
  return el("button", { type: "button", class: className, "aria-label": label, title: label, "data-testid": testId }, [
    icon(paths),
  ]);
}

/** The close button of the header (same look as the composer's buttons). */
export const closeButton = (t: Strings): HTMLButtonElement => iconButton(t.closeChat, icons.close, "parley-close");

/** The message box: Enter sends, Shift+Enter breaks the line; attach (button, paste), send. */
export class Composer {
  readonly element: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly attachButton: HTMLButtonElement;
  private ready = false;

  constructor(
    t: Strings,
    private readonly handlers: ComposerHandlers,
  ) {
    this.input = el("textarea", {
      rows: "1",
      maxlength: "4096",
      "aria-label": t.message,
      placeholder: t.placeholder,
      "data-testid": "parley-input",
    });
    this.input.addEventListener("input", () => this.changed());
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener("paste", (e) => {
      const files = Array.from(e.clipboardData?.files ?? []);
      if (files.length === 0 || !this.ready) return;
      e.preventDefault();
      handlers.files(files);
    });

    const fileInput = el("input", {
      type: "file",
      multiple: true,
      hidden: true,
      tabindex: "-1",
      "aria-hidden": "true",
      "aria-label": t.attach,
      "data-testid": "parley-file-input",
    });
    fileInput.addEventListener("change", () => {
      const files = Array.from(fileInput.files ?? []);
      fileInput.value = "";
      if (files.length > 0 && this.ready) handlers.files(files);
    });
    this.attachButton = iconButton(t.attach, icons.attach, "parley-attach");
    this.attachButton.addEventListener("click", () => fileInput.click());
    this.sendButton = iconButton(t.send, icons.send, "parley-send", "icon send");
    this.sendButton.addEventListener("click", () => this.submit());
    this.element = el("div", { class: "composer" }, [this.attachButton, this.input, fileInput, this.sendButton]);
  }

  /** Sending needs a session; typing is refused only when the chat is unavailable. */
  setState(ready: boolean, blocked: boolean): void {
    this.ready = ready;
    this.input.disabled = blocked;
    this.attachButton.disabled = !ready;
    this.updateSend();
  }

  /** Dropped files (on the window). */
  drop(files: File[]): void {
    if (this.ready) this.handlers.files(files);
  }

  focus(): void {
    this.input.focus();
    this.autosize();
  }

  private autosize(): void {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(120, Math.max(36, this.input.scrollHeight))}px`;
  }

  private updateSend(): void {
    this.sendButton.disabled = !this.ready || this.input.value.trim() === "";
  }

  private changed(): void {
    this.autosize();
    this.updateSend();
    this.handlers.typing(this.input.value);
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text || !this.ready) return;
    this.input.value = "";
    this.changed();
    this.handlers.send(text);
  }
}
