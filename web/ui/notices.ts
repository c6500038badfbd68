import { useSyncExternalStore } from "react";

/** A message shown in the corner until the person closes it (or it times out), across page changes. */
export interface Notice {
  id: number;
  title: string;
  message?: string;
  /** A link opened in a new tab (e.g. the sandbox). */
  link?: { href: string; label: string };
  color?: string;
  testId?: string;
}

type Listener = () => void;

let notices: readonly Notice[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

const emit = () => {
  for (const listener of listeners) listener();
};

export const hideNotice = (id: number): void => {
  clearTimeout(timers.get(id));
  timers.delete(id);
  const next = notices.filter((notice) => notice.id !== id);
  if (next.length === notices.length) return;
  notices = next;
  emit();
};

/** Shows a notice; `autoCloseMs` hides it by itself (none: it stays until closed). Returns its id. */
export const showNotice = (notice: Omit<Notice, "id">, autoCloseMs?: number): number => {
  const id = nextId++;
  notices = [...notices, { ...notice, id }];
  if (autoCloseMs)
    timers.set(
      id,
      setTimeout(() => hideNotice(id), autoCloseMs),
    );
  emit();
  return id;
};

const subscribe = (listener: Listener) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useNotices = (): readonly Notice[] =>
  useSyncExternalStore(
    subscribe,
    () => notices,
    () => notices,
  );
