import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { type AppOptions, buildApp } from "../app";
import { type Config, loadConfig } from "../config";
import type { Database } from "../db/connect";
import { runSetup } from "../modules/setup/commands";
import { createTestDb } from "./db";

export const origin = "http://localhost";
export const testPassword = "correct-horse-battery";

export type TestServer = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close: () => Promise<void>;
};

export async function createTestServer(
  env: Record<string, string> = {},
  opts: Pick<AppOptions, "worker" | "delivery" | "pollers"> = {},
): Promise<TestServer> {
  const database = await createTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-test-"));
  const config = loadConfig({ LOG_LEVEL: "silent", PARLEY_DATA_DIR: dataDir, ...env });
  const app = await buildApp({ config, db: database.db, logger: false, embedded: database.kind === "pglite", ...opts });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser-like client: keeps its session cookie and sends the app's Origin on writes. */
export type Client = {
  app: FastifyInstance;
  cookie: string;
  request: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
};

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === "parley_session");
  if (!c) throw new Error(`no session cookie in response ${res.statusCode} ${res.body}`);
  return `parley_session=${c.value}`;
}

export function clientWith(app: FastifyInstance, cookie: string): Client {
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie, origin, ...(opts.headers ?? {}) } });
  return {
    app,
    cookie,
    request,
    get: (url) => request({ method: "GET", url }),
    post: (url, payload) =>
      request({ method: "POST", url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: "PATCH", url, payload: payload as object }),
    delete: (url) => request({ method: "DELETE", url }),
  };
}

export async function login(app: FastifyInstance, email: string, password = testPassword): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return clientWith(app, sessionCookieOf(res));
}

/** The first owner with a workspace, signed in. */
export async function setupOwner(server: TestServer, email = "owner@example.com") {
  const { user, workspace } = await runSetup(server.database.db, {
    name: "Olga Owner",
    email,
    password: testPassword,
    workspaceName: "Acme",
  });
  return { user, workspace, client: await login(server.app, email) };
}

/** Invites a new person into a workspace through the API and signs them in. */
export async function addMember(
  owner: Client,
  workspaceId: string,
  email: string,
  role: "owner" | "admin" | "manager" = "manager",
): Promise<{ client: Client; userId: string }> {
  const inv = await owner.post(`/api/v1/workspaces/${workspaceId}/invitations`, { role });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.body}`);
  const token = new URL(inv.json().url).pathname.split("/").pop();
  const res = await owner.app.inject({
    method: "POST",
    url: `/api/v1/invitations/${token}/accept`,
    payload: { name: email.split("@")[0], email, password: testPassword },
  });
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  return { client: clientWith(owner.app, sessionCookieOf(res)), userId: res.json().user.id };
}

/** Uploads `data` as the multipart field `file` (the declared type is deliberately wrong: text/html). */
export function uploadFile(client: Client, url: string, data: Buffer, filename: string) {
  const boundary = "----parleyfile";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/html\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({
    method: "POST",
    url,
    payload,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  });
}
