import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore } from "react";
import type { TypingStore } from "./typing";
import { TypingEmitter, type TypingRequest } from "./typingEmitter";

/** What the inbox's live connection offers the panes: who types, and telling others that the manager types. */
export interface InboxLive {
  typing: TypingStore;
  emitTyping: (request: TypingRequest) => void;
}

/** Provided by the inbox page while its socket lives; null before it connects (and outside the inbox). */
export const InboxLiveContext = createContext<InboxLive | null>(null);

const noOne: readonly string[] = [];
const noSubscription = () => () => {};

/** The names of who types in a chat now (never the signed-in person). */
export const useTypingNames = (chatId: string): readonly string[] => {
  const live = useContext(InboxLiveContext);
  const subscribe = useCallback(
    (listener: () => void) => (live ? live.typing.subscribe(listener) : noSubscription()),
    [live],
  );
  return useSyncExternalStore(
    subscribe,
    () => live?.typing.names(chatId) ?? noOne,
    () => noOne,
  );
};

/** The composer's typing signal for a chat; says `typing: false` when the chat is left. */
export const useTypingEmitter = (chatId: string): TypingEmitter => {
  const live = useContext(InboxLiveContext);
  const emitter = useMemo(() => new TypingEmitter(chatId, (request) => live?.emitTyping(request)), [live, chatId]);
  useEffect(() => () => emitter.stop(), [emitter]);
  return emitter;
};
