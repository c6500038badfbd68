import { useMutation, useQueryClient } from "@tanstack/react-query";
import { inboxKeys, markRead, sendMessage } from "../../../api/inbox";
import { applyChat, applyMessage } from "../realtime/cache";

/** P12: mark the chat's messages read (only ever on purpose: a button or Shift+Enter). */
export const useMarkRead = (workspaceId: string, chatId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => markRead(workspaceId, chatId),
    onSuccess: ({ chat }) => {
      applyChat(queryClient, workspaceId, chat);
      void queryClient.invalidateQueries({ queryKey: inboxKeys.counts(workspaceId) });
    },
  });
};

/** Sends a text; the answer (queued) joins the timeline unless realtime already brought a newer state. */
export const useSendMessage = (workspaceId: string, chatId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; replyToId?: string }) => sendMessage(workspaceId, chatId, body),
    onSuccess: ({ message }) => applyMessage(queryClient, workspaceId, message, "add"),
  });
};
