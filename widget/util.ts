import type { WidgetIdentity } from "../common/widget";

/** Small browser helpers that survive privacy modes and old browsers. */

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/**
 * `localStorage` / `sessionStorage` when they work; values also live in memory, so a storage that
 * throws (privacy mode, blocked third-party storage) still keeps them for this page.
 */
export function safeStorage(open: () => Storage | null | undefined): KeyValueStore {
  const memory = new Map<string, string>();
  const storage = (): Storage | null => {
    try {
      return open() ?? null;
    } catch {
      return null;
    }
  };
  return {
    get(key) {
      try {
        const value = storage()?.getItem(key);
        if (value !== null && value !== undefined) return value;
      } catch {
        // Fall back to memory.
      }
      return memory.get(key) ?? null;
    },
    set(key, value) {
      memory.set(key, value);
      try {
        storage()?.setItem(key, value);
      } catch {
        // Kept in memory only.
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        storage()?.removeItem(key);
      } catch {
        // Nothing to do.
      }
    },
  };
}

interface CryptoLike {
  randomUUID?: () => string;
  getRandomValues?: (bytes: Uint8Array) => Uint8Array;
}

/** A random UUID v4: `crypto.randomUUID` (secure pages only), else from random bytes. */
export function uuid4(crypto: CryptoLike | undefined = globalThis.crypto): string {
  if (typeof crypto?.randomUUID === "function") return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof crypto?.getRandomValues === "function") crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The identity from `window.parleySettings`, checked for shape (Parley checks the signature). */
export function readIdentity(value: unknown): WidgetIdentity | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== "string" || typeof v.hash !== "string" || !v.id || !v.hash) return null;
  const identity: WidgetIdentity = { id: v.id, hash: v.hash };
  if (typeof v.name === "string") identity.name = v.name;
  if (typeof v.email === "string") identity.email = v.email;
  return identity;
}
