// E-mail through SMTP when the operator configured it: KECHUANG_SMTP_URL (smtp://user:pass@host:587, smtps://…)
// and optionally KECHUANG_SMTP_FROM. Without it, notifications stay in-app only — nothing fails.
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

const transports = new Map<string, Transporter>();

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const url = env.KECHUANG_SMTP_URL?.trim();
  if (!url) return null;
  const from = env.KECHUANG_SMTP_FROM?.trim() || '科创规划监测与服务平台 <kechuang@localhost>';
  let transport = transports.get(url);
  if (!transport) {
    // A LAN mail relay often has a self-signed certificate; the operator opts in to that in the URL (?tls.rejectUnauthorized=false).
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  const active = transport;
  return {
    async send(message) {
      await active.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** Closes cached SMTP connections (tests, shutdown). */
export function closeMailers(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
