import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html: string };
export type Mailer = { send(mail: Mail): Promise<void> };

let cached: { url: string; transport: Transporter } | null = null;

/** The SMTP transport for SMTP_URL (one per URL, reused), or null when no SMTP server is configured. */
export function getMailer(): Mailer | null {
  const { smtpUrl, mailFrom } = getEnv();
  if (!smtpUrl) return null;
  if (cached?.url !== smtpUrl) {
    cached?.transport.close();
    // Bounded, so a dead mail server answers the inviter within seconds, not minutes.
    const transport = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as Parameters<typeof nodemailer.createTransport>[1]);
    cached = { url: smtpUrl, transport };
  }
  const { transport } = cached;
  return {
    async send(mail) {
      await transport.sendMail({ from: mailFrom, ...mail });
    },
  };
}
