import type { Kysely } from "kysely";
import type { Locale } from "../../../common/auth";
import type { DB, UserRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { AppError } from "../../http/errors";
import { newId } from "../../lib/ids";
import { hashPassword, verifyPassword } from "./passwords";

export type NewUserInput = { email: string; name: string; password: string; locale?: Locale | undefined };

const emailTaken = () =>
  new AppError(409, "email_taken", "An account with this e-mail already exists. Sign in instead.");

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "23505";
}

/** Creates a user; a taken e-mail (any letter case) is a clear 409, also when two requests race. */
export async function createUser(tx: Tx, input: NewUserInput): Promise<UserRow> {
  const email = input.email.trim().toLowerCase();
  const taken = await tx.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await tx.db
      .insertInto("users")
      .values({
        id: newId(),
        email,
        name: input.name.trim(),
        password_hash: passwordHash,
        locale: input.locale ?? "en",
        avatar_version: null,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

export async function checkCredentials(db: Kysely<DB>, email: string, password: string): Promise<UserRow> {
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok) throw new AppError(401, "invalid_credentials", "The e-mail or password is wrong.");
  return user;
}

export async function updateProfile(
  db: Kysely<DB>,
  userId: string,
  patch: { name?: string | undefined; locale?: Locale | undefined },
): Promise<UserRow> {
  return db
    .updateTable("users")
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
      updated_at: new Date(),
    })
    .where("id", "=", userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  tx: Tx,
  user: UserRow,
  current: string,
  next: string,
  keepSessionHash: string | null,
): Promise<void> {
  if (!(await verifyPassword(user.password_hash, current))) {
    throw new AppError(400, "invalid_credentials", "The current password is wrong.");
  }
  await tx.db
    .updateTable("users")
    .set({ password_hash: await hashPassword(next), updated_at: new Date() })
    .where("id", "=", user.id)
    .execute();
  let del = tx.db.deleteFrom("sessions").where("user_id", "=", user.id);
  if (keepSessionHash) del = del.where("token_hash", "!=", keepSessionHash);
  await del.execute();
}
