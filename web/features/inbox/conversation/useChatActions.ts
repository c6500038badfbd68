import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SendMessageRequest } from "../../../../common/inbox";
import { deleteMessage, editMessage, inboxKeys, markRead, sendMessage } from "../../../api/inbox";
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

/** Sends text and attachments; the answer (queued) joins the timeline unless realtime already brought a newer state. */
export const useSendMessage = (workspaceId: string, chatId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SendMessageRequest) => sendMessage(workspaceId, chatId, body),
    onSuccess: ({ message }) => applyMessage(queryClient, workspaceId, message, "add"),
  });
};

/** P19: edits the manager's own sent message; the timeline shows the new text at once. */
export const useEditMessage = (workspaceId: string, chatId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, text }: { messageId: string; text: string }) =>
      editMessage(workspaceId, chatId, messageId, text),
    onSuccess: ({ message }) => applyMessage(queryClient, workspaceId, message, "update"),
  });
};

/** P19: deletes the manager's own message for everyone; a later refusal by the messenger brings it back. */
export const useDeleteMessage = (workspaceId: string, chatId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => deleteMessage(workspaceId, chatId, messageId),
    onSuccess: ({ message }) => applyMessage(queryClient, workspaceId, message, "update"),
  });
};
