import { describe, expect, it } from "vitest";
import { readIdentity, safeStorage, uuid4 } from "./util";

const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

describe("safeStorage", () => {
  it("uses the storage when it works", () => {
    const storage = memoryStorage();
    const store = safeStorage(() => storage);
    store.set("parley:visitor:c", "tok");
    expect(storage.getItem("parley:visitor:c")).toBe("tok");
    expect(safeStorage(() => storage).get("parley:visitor:c")).toBe("tok");
    store.remove("parley:visitor:c");
    expect(storage.getItem("parley:visitor:c")).toBeNull();
    expect(store.get("parley:visitor:c")).toBeNull();
  });

  it("keeps values in memory when the storage throws", () => {
    const store = safeStorage(() => {
      throw new DOMException("denied", "SecurityError");
    });
    expect(store.get("k")).toBeNull();
    store.set("k", "v");
    expect(store.get("k")).toBe("v");
    store.remove("k");
    expect(store.get("k")).toBeNull();
  });

  it("keeps values in memory when writing throws (quota, Safari private mode)", () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
    const store = safeStorage(() => storage);
    store.set("k", "v");
    expect(store.get("k")).toBe("v");
  });
});

describe("uuid4", () => {
  it("uses crypto.randomUUID when there is one", () => {
    expect(uuid4({ randomUUID: () => "11111111-1111-4111-8111-111111111111" })).toBe(
      "11111111-1111-4111-8111-111111111111",
    );
  });

  it("makes v4 UUIDs from random bytes otherwise (insecure pages)", () => {
    const made = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const id = uuid4({ getRandomValues: (bytes: Uint8Array) => globalThis.crypto.getRandomValues(bytes) });
      expect(id).toMatch(v4);
      made.add(id);
    }
    expect(made.size).toBe(50);
  });

  it("sets the version and variant bits even from all-ones bytes", () => {
    expect(uuid4({ getRandomValues: (bytes: Uint8Array) => bytes.fill(255) })).toBe(
      "ffffffff-ffff-4fff-bfff-ffffffffffff",
    );
  });

  it("works without crypto at all", () => {
    expect(uuid4({})).toMatch(v4);
  });
});

describe("readIdentity", () => {
  const hash = "a".repeat(64);

  it("takes id and hash, and name and email when they are strings", () => {
    expect(readIdentity({ id: "42", hash, name: "Ann", email: "a@b.c", extra: 1 })).toEqual({
      id: "42",
      hash,
      name: "Ann",
      email: "a@b.c",
    });
    expect(readIdentity({ id: "42", hash, name: 5 })).toEqual({ id: "42", hash });
  });

  it("refuses anything without a string id and hash", () => {
    expect(readIdentity(undefined)).toBeNull();
    expect(readIdentity("42")).toBeNull();
    expect(readIdentity({ id: 42, hash })).toBeNull();
    expect(readIdentity({ id: "42" })).toBeNull();
    expect(readIdentity({ id: "", hash })).toBeNull();
  });
});
