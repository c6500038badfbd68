const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** How the send / save shortcut is written on this platform. */
export const sendKeys = isMac ? "⌘ + Enter" : "Ctrl + Enter";
