import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as accept } from "@/app/api/invitations/accept/route";
import { POST as invite, GET as listInvitations } from "@/app/api/tenants/me/invitations/route";
import { GET as me } from "@/app/api/tenants/me/route";
import { getEnv, overrideEnvForTests } from "@/lib/env";
import { createAccount, PASSWORD, type TestAccount } from "../accounts";
import { call, uniqueEmail, uniqueIp } from "../http";

// The mail path against a real SMTP server this test starts (smtp-server, from nodemailer's authors):
// the invitation arrives, its link works, and a refusing server leaves no working link behind.

type Received = { from: string; to: string[]; raw: string };

const inbox: Received[] = [];
let refuse = false;
let server: SMTPServer;
let owner: TestAccount;
const original = getEnv();

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on localhost: no certificate to offer.
    disabledCommands: ["STARTTLS"],
    onRcptTo(_address, _session, callback) {
      if (refuse) return callback(new Error("mailbox unavailable"));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  overrideEnvForTests({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: "Keydesk <invites@keydesk.test>" });
  owner = await createAccount("mail-owner");
});

afterEach(() => {
  refuse = false;
});

afterAll(async () => {
  overrideEnvForTests({ smtpUrl: original.smtpUrl, mailFrom: original.mailFrom });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The link in a received message's text part (quoted-printable may wrap long lines with "=\n"). */
function linkIn(raw: string): string {
  const unwrapped = raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const match = /http:\/\/keydesk\.test\/invite\/(inv_[A-Za-z0-9_-]{43})/.exec(unwrapped);
  if (!match) throw new Error("no invitation link in the message");
  return match[0];
}

describe("with SMTP_URL", () => {
  it("emails the link (not in the answer), and the emailed link signs the invitee up and in", async () => {
    const email = uniqueEmail("mailed");
    const res = await call(invite, { token: owner.accessToken, body: { email, role: "admin" } });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ emailed: true, inviteUrl: null, email });

    const message = inbox.find((m) => m.to.includes(email));
    expect(message, "the invitation arrived").toBeDefined();
    expect(message!.from).toBe("invites@keydesk.test");
    expect(message!.raw).toMatch(/Subject: Join mail-owner Inc on Keydesk/);
    const link = linkIn(message!.raw);
    expect(res.text).not.toContain(link.split("/").pop());

    const token = link.split("/").pop();
    const joined = await call(accept, { body: { token, password: PASSWORD }, ip: uniqueIp() });
    expect(joined.status).toBe(201);
    const body = await joined.json();
    const tenant = await (await call(me, { token: body.accessToken })).json();
    expect(tenant).toMatchObject({ id: owner.tenantId, role: "admin" });
  });

  it("a server that refuses the mail: 503, and the invitation is withdrawn", async () => {
    refuse = true;
    const email = uniqueEmail("bounced");
    const res = await call(invite, { token: owner.accessToken, body: { email, role: "viewer" } });
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toContain("could not be sent");
    expect(res.text).not.toContain("inv_");
    const listed = (await (await call(listInvitations, { token: owner.accessToken })).json()).data.find(
      (i: { email: string }) => i.email === email,
    );
    expect(listed.status).toBe("revoked");
    expect(inbox.some((m) => m.to.includes(email))).toBe(false);
  });
});
