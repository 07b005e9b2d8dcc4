import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

export type OutgoingMail = { to: string; subject: string; html: string; text: string; from?: string; headers?: Record<string, string> };

let transporter: Transporter | undefined;

function createTransporter(): Transporter {
  if (env.SMTP_URL) return nodemailer.createTransport(env.SMTP_URL);
  // No mail server configured (a laptop): keep each message as a .eml file and print its links.
  return nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
}

export async function sendMail(mail: OutgoingMail): Promise<{ messageId: string }> {
  transporter ??= createTransporter();
  const info = await transporter.sendMail({ from: mail.from ?? env.MAIL_FROM, ...mail });
  if (!env.SMTP_URL && 'message' in info && Buffer.isBuffer(info.message)) {
    const dir = path.resolve(env.CAIRN_DATA_DIR, 'mail');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${Date.now()}-${mail.to.replace(/[^a-z0-9@.]/gi, '_')}.eml`);
    fs.writeFileSync(file, info.message);
    const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
    console.log(`[cairn] mail to ${mail.to}: "${mail.subject}" saved to ${file}${links.length ? `\n        ${links.join('\n        ')}` : ''}`);
  }
  return { messageId: info.messageId };
}

/** Tests point the transport at their own SMTP server between cases. */
export function resetTransport() {
  transporter?.close();
  transporter = undefined;
}
