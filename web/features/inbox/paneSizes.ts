import type { SplitterPaneSize } from "@mantine/hooks";

const storageKey = "parley.inbox.panes";
type PxSize = `${number}px`;

export interface PaneSizes {
  list: PxSize;
  card: PxSize;
}

const defaults: PaneSizes = { list: "340px", card: "320px" };

const asPx = (value: unknown, fallback: PxSize): PxSize =>
  typeof value === "string" && /^\d+(\.\d+)?px$/.test(value) ? (value as PxSize) : fallback;

/** The widths the person last gave the side panes on this device. */
export const loadPaneSizes = (): PaneSizes => {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? "null");
    if (typeof stored !== "object" || stored === null) return defaults;
    const record = stored as Record<string, unknown>;
    return { list: asPx(record.list, defaults.list), card: asPx(record.card, defaults.card) };
  } catch {
    return defaults;
  }
};

export const savePaneSizes = (sizes: SplitterPaneSize[], withCard: boolean): void => {
  const current = loadPaneSizes();
  const next: PaneSizes = {
    list: asPx(sizes[0], current.list),
    card: withCard ? asPx(sizes[sizes.length - 1], current.card) : current.card,
  };
  window.localStorage.setItem(storageKey, JSON.stringify(next));
};
