import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import { changePasswordRequest, loginRequest, meResponse, updateMeRequest, userDto } from "../../../common/auth";
import { errorBody } from "../../../common/errors";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../http/errors";
import { actorOf } from "../../http/guard";
import { avatarMaxBytes, sniffImage } from "./avatar";
import { changePassword, checkCredentials, updateProfile } from "./commands";
import { loginLimiter, memoryAttemptStore, redisAttemptStore } from "./login-limiter";
import { presentMe, presentUser } from "./present";
import { clearSessionCookie, createSession, setSessionCookie } from "./sessions";

const tags = ["auth"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 429: errorBody };

export const authRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  const { db, config } = ctx;
  const limiter = loginLimiter(ctx.redis ? redisAttemptStore(ctx.redis) : memoryAttemptStore(), config.loginLimit);

  app.post(
    "/api/v1/auth/login",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Sign in with e-mail and password; sets the session cookie",
        body: loginRequest,
        response: { 200: meResponse, ...errors },
      },
    },
    async (req, reply) => {
      const key = `${req.ip}:${req.body.email}`;
      await limiter.check(key);
      const user = await checkCredentials(db, req.body.email, req.body.password).catch(async (err) => {
        await limiter.failed(key);
        throw err;
      });
      await limiter.succeeded(key);
      const token = await createSession(db, config, user.id, req.headers["user-agent"]);
      setSessionCookie(reply, config, token);
      return presentMe(db, user);
    },
  );

  app.post(
    "/api/v1/auth/logout",
    {
      config: { auth: "user" },
      schema: { tags, summary: "End the current session", response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (actor.via === "session")
        await db.deleteFrom("sessions").where("token_hash", "=", actor.credentialId).execute();
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/me",
    {
      config: { auth: "user" },
      schema: { tags, summary: "The signed-in user and their workspaces", response: { 200: meResponse, ...errors } },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentMe(db, actor.user, actor.token?.workspaceId ?? null);
    },
  );

  app.patch(
    "/api/v1/me",
    {
      config: { auth: "user" },
      schema: {
        tags,
        summary: "Update your name or language",
        body: updateMeRequest,
        response: { 200: z.object({ user: userDto }), ...errors },
      },
    },
    async (req) => ({ user: presentUser(await updateProfile(db, actorOf(req).user.id, req.body)) }),
  );

  app.post(
    "/api/v1/me/password",
    {
      config: { auth: "user" },
      schema: {
        tags,
        summary: "Change your password (ends your other sessions)",
        body: changePasswordRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await ctx.inTx((tx) =>
        changePassword(
          tx,
          actor.user,
          req.body.currentPassword,
          req.body.newPassword,
          actor.via === "session" ? actor.credentialId : null,
        ),
      );
      return reply.code(204).send(null);
    },
  );

  app.put(
    "/api/v1/me/avatar",
    {
      config: { auth: "user" },
      schema: {
        tags,
        summary: "Upload your avatar (multipart field `file`: PNG, JPEG, GIF or WebP, at most 2 MB)",
        consumes: ["multipart/form-data"],
        response: { 200: z.object({ user: userDto }), 413: errorBody, 415: errorBody, ...errors },
      },
    },
    async (req) => {
      const userId = actorOf(req).user.id;
      const file = await req.file({ limits: { fileSize: avatarMaxBytes, files: 1 } });
      if (!file) throw new AppError(400, "validation_failed", "Attach the image as the multipart field 'file'.");
      const data = await file.toBuffer();
      if (file.file.truncated) throw new AppError(413, "payload_too_large", "The avatar can be at most 2 MB.");
      const contentType = sniffImage(data);
      const user = await ctx.inTx(async (tx) => {
        await tx.db
          .insertInto("user_avatars")
          .values({ user_id: userId, content_type: contentType, data, updated_at: new Date() })
          .onConflict((oc) =>
            oc.column("user_id").doUpdateSet({ content_type: contentType, data, updated_at: new Date() }),
          )
          .execute();
        return tx.db
          .updateTable("users")
          .set({ avatar_version: sql`coalesce(avatar_version, 0) + 1`, updated_at: new Date() })
          .where("id", "=", userId)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      return { user: presentUser(user) };
    },
  );

  app.delete(
    "/api/v1/me/avatar",
    {
      config: { auth: "user" },
      schema: { tags, summary: "Remove your avatar", response: { 200: z.object({ user: userDto }), ...errors } },
    },
    async (req) => {
      const userId = actorOf(req).user.id;
      const user = await ctx.inTx(async (tx) => {
        await tx.db.deleteFrom("user_avatars").where("user_id", "=", userId).execute();
        return tx.db
          .updateTable("users")
          .set({ avatar_version: null, updated_at: new Date() })
          .where("id", "=", userId)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      return { user: presentUser(user) };
    },
  );

  app.get(
    "/api/v1/users/:userId/avatar",
    {
      config: { auth: "user" },
      schema: {
        tags,
        summary: "A user's avatar image (yours, or a colleague's in one of your workspaces)",
        params: z.object({ userId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { userId } = req.params;
      let q = db
        .selectFrom("user_avatars")
        .select(["content_type", "data"])
        .where("user_avatars.user_id", "=", userId)
        .where((eb) =>
          eb.or([
            eb("user_avatars.user_id", "=", actor.user.id),
            eb.exists(
              eb
                .selectFrom("workspace_members as mine")
                .innerJoin("workspace_members as theirs", "theirs.workspace_id", "mine.workspace_id")
                .select(sql`1`.as("one"))
                .where("mine.user_id", "=", actor.user.id)
                .where("theirs.user_id", "=", userId),
            ),
          ]),
        );
      if (actor.token) {
        const ws = actor.token.workspaceId;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom("workspace_members")
              .select(sql`1`.as("one"))
              .where("workspace_members.workspace_id", "=", ws)
              .whereRef("workspace_members.user_id", "=", "user_avatars.user_id"),
          ),
        );
      }
      const row = await q.executeTakeFirst();
      if (!row) throw notFound("This avatar");
      return reply
        .header("content-type", row.content_type)
        .header("cache-control", "private, max-age=31536000, immutable")
        .send(row.data);
    },
  );
};
