import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * With no SMTP_URL, Cairn's worker keeps every sent mail as an .eml file under CAIRN_DATA_DIR/mail.
 * E2E reads that real output (sent by the real worker) rather than a stand-in.
 */
export async function waitForMail(
  dataDir: string,
  to: string,
  timeoutMs = 45_000,
  /** Which of the address's mails: the newest that passes (by default, the newest). */
  accept: (mail: ParsedMail) => boolean = () => true,
) {
  const dir = path.resolve(dataDir, 'mail');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(dir)) {
      const files = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.eml'))
        .sort()
        .reverse();
      for (const file of files) {
        const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
        const recipients = [mail.to]
          .flat()
          .flatMap((a) => a?.value ?? [])
          .map((v) => v.address?.toLowerCase());
        if (recipients.includes(to.toLowerCase()) && accept(mail)) return mail;
      }
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`No mail to ${to} arrived in ${dir} within ${timeoutMs / 1000}s`);
}

export function firstLink(text: string | undefined, pathPart: string) {
  const link = (text ?? '').match(/https?:\/\/\S+/g)?.find((l) => l.includes(pathPart));
  if (!link) throw new Error(`No link containing ${pathPart} in:\n${text}`);
  return link;
}
