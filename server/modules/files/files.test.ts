import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestServer, setupOwner, type TestServer, uploadFile } from "../../test/server";
import { safeFileName } from "./storage";

let server: TestServer;
let owner: Client;
let ws: string;

beforeAll(async () => {
  server = await createTestServer({ PARLEY_FILE_LIMIT: "4096" });
  const s = await setupOwner(server);
  owner = s.client;
  ws = s.workspace.id;
});
afterAll(() => server.close());

const upload = (client: Client, data: Buffer, filename: string) =>
  uploadFile(client, `/api/v1/workspaces/${ws}/files`, data, filename);

const pdf = Buffer.from("%PDF-1.4\n% test\n");

describe("files", () => {
  it("stores a file under the data dir with its sniffed type and serves it back", async () => {
    const res = await upload(owner, pdf, "../../etc/Offer.pdf");
    expect(res.statusCode).toBe(201);
    const file = res.json().file;
    expect(file).toMatchObject({ name: "Offer.pdf", mime: "application/pdf", size: pdf.length });
    const got = await owner.get(file.url);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect(got.headers["content-type"]).toBe("application/pdf");
    expect(got.headers["content-disposition"]).toMatch(/^attachment; filename\*=UTF-8''Offer\.pdf$/);
    expect(got.headers["content-security-policy"]).toContain("sandbox");
  });

  it("never trusts the declared type: HTML comes back as a download of octet-stream", async () => {
    const res = await upload(owner, Buffer.from("<script>alert(1)</script>"), "x.html");
    const got = await owner.get(res.json().file.url);
    expect(got.headers["content-type"]).toBe("application/octet-stream");
    expect(got.headers["content-disposition"]).toMatch(/^attachment/);
  });

  it("refuses files over the limit and empty ones", async () => {
    const big = await upload(owner, Buffer.alloc(5000, 1), "big.bin");
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("payload_too_large");
    const empty = await upload(owner, Buffer.alloc(0), "empty.bin");
    expect(empty.statusCode).toBe(400);
  });

  it("keeps files inside their workspace", async () => {
    const res = await upload(owner, pdf, "mine.pdf");
    const other = (await owner.post("/api/v1/workspaces", { name: "Other" })).json().workspace.id;
    const cross = await owner.get(`/api/v1/workspaces/${other}/files/${res.json().file.id}`);
    expect(cross.statusCode).toBe(404);
  });

  it("cleans file names", () => {
    expect(safeFileName('..\\a/b/"evil"\u0000.txt')).toBe("evil.txt");
    expect(safeFileName("")).toBe("file");
  });
});
