import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  chatDto,
  chatsQuery,
  chatsResponse,
  editMessageRequest,
  messageDto,
  messagesQuery,
  messagesResponse,
  sendMessageRequest,
} from "../../../common/inbox";
import type { Ctx } from "../../context";
import { actorOf, membershipOf } from "../../http/guard";
import { errorResponses, workspaceParams } from "../../http/schemas";
import { markChatRead, retryMessage, sendMessage } from "../messages/commands";
import { deleteMessage, editMessage } from "../messages/edit";
import { messagesPage } from "../messages/queries";
import { chatCounts, listChats, loadChat } from "./queries";

const tags = ["chats"];
const chatParams = z.object({ workspaceId: z.uuid(), chatId: z.uuid() });
const messageParams = z.object({ workspaceId: z.uuid(), chatId: z.uuid(), messageId: z.uuid() });

export const chatRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  const { db, bus } = ctx;
  const base = "/api/v1/workspaces/:workspaceId/chats";

  app.get(
    base,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary:
          "Chats by last activity. Tabs all/unread; `q` searches name, phone (any formatting) and e-mail; keyset `cursor`",
        params: workspaceParams,
        querystring: chatsQuery,
        response: { 200: chatsResponse, ...errorResponses },
      },
    },
    async (req) => {
      const { workspaceId } = membershipOf(req);
      const [page, counts] = await Promise.all([
        listChats(db, { workspaceId, ...req.query }),
        chatCounts(db, workspaceId),
      ]);
      return { ...page, counts };
    },
  );

  app.get(
    `${base}/:chatId`,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "One chat",
        params: chatParams,
        response: { 200: z.object({ chat: chatDto }), ...errorResponses },
      },
    },
    async (req) => ({ chat: await loadChat(db, membershipOf(req).workspaceId, req.params.chatId) }),
  );

  app.post(
    `${base}/:chatId/read`,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "Mark the chat's messages read (opening a chat never does)",
        params: chatParams,
        response: { 200: z.object({ chat: chatDto }), ...errorResponses },
      },
    },
    async (req) => {
      const { workspaceId } = membershipOf(req);
      const { chat } = await ctx.inTx((tx) => markChatRead(tx, actorOf(req).user.id, workspaceId, req.params.chatId));
      return { chat };
    },
  );

  app.get(
    `${base}/:chatId/messages`,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "Messages of a chat, newest last; `before` (a message id) pages to older ones",
        params: chatParams,
        querystring: messagesQuery,
        response: { 200: messagesResponse, ...errorResponses },
      },
    },
    async (req) => {
      const { workspaceId } = membershipOf(req);
      return messagesPage(db, workspaceId, req.params.chatId, req.query);
    },
  );

  app.post(
    `${base}/:chatId/messages`,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary:
          "Send a message: text, attachments (uploaded files), link buttons, optionally as a reply; delivered asynchronously",
        params: chatParams,
        body: sendMessageRequest,
        response: { 201: z.object({ message: messageDto }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { workspaceId } = membershipOf(req);
      const user = actorOf(req).user;
      const { message } = await ctx.inTx(async (tx) => {
        const r = await sendMessage(tx, { userId: user.id, name: user.name }, workspaceId, req.params.chatId, req.body);
        tx.afterCommit(() => bus.wakeDelivery());
        return r;
      });
      return reply.code(201).send({ message });
    },
  );

  app.post(
    `${base}/:chatId/messages/:messageId/retry`,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary: "Send a failed message again",
        params: messageParams,
        response: { 200: z.object({ message: messageDto }), 409: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => {
      const { workspaceId } = membershipOf(req);
      const { message } = await ctx.inTx(async (tx) => {
        const r = await retryMessage(tx, workspaceId, req.params.chatId, req.params.messageId);
        tx.afterCommit(() => bus.wakeDelivery());
        return r;
      });
      return { message };
    },
  );

  app.patch(
    `${base}/:chatId/messages/:messageId`,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary:
          "Edit your own sent message (where the messenger allows it: Telegram); the messenger's copy is updated asynchronously",
        params: messageParams,
        body: editMessageRequest,
        response: { 200: z.object({ message: messageDto }), 409: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => {
      const { workspaceId } = membershipOf(req);
      const { chatId, messageId } = req.params;
      const { message } = await ctx.inTx(async (tx) => {
        const r = await editMessage(tx, actorOf(req).user.id, workspaceId, chatId, messageId, req.body.text);
        tx.afterCommit(() => bus.wakeDelivery());
        return r;
      });
      return { message };
    },
  );

  app.delete(
    `${base}/:chatId/messages/:messageId`,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags,
        summary:
          "Delete your own message for everyone (Telegram: within 48 hours of sending; `delete_window_passed` afterwards)",
        params: messageParams,
        response: { 200: z.object({ message: messageDto }), 409: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => {
      const { workspaceId } = membershipOf(req);
      const { chatId, messageId } = req.params;
      const { message } = await ctx.inTx(async (tx) => {
        const r = await deleteMessage(tx, actorOf(req).user.id, workspaceId, chatId, messageId);
        tx.afterCommit(() => bus.wakeDelivery());
        return r;
      });
      return { message };
    },
  );
};
