/** Escapes text for HTML so names and subjects can never inject markup into a mail. */
export function escapeHtml(value: string) {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/**
 * Collapses line breaks and other control characters: names typed by people end up in subjects, and a line
 * break there would start a new header. (Nodemailer folds them too; the template does not rely on it.)
 */
export function singleLine(value: string) {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export type Brand = { name: string; primaryColor?: string | null; logoUrl?: string | null };

export type RenderedEmail = { subject: string; html: string; text: string };

/** The branded frame every Cairn mail uses. Props in, markup out. */
export function renderLayout(
  brand: Brand,
  parts: { heading: string; paragraphs: string[]; action?: { label: string; url: string }; footnote?: string },
) {
  const color = brand.primaryColor && /^#[0-9a-fA-F]{6}$/.test(brand.primaryColor) ? brand.primaryColor : '#0f766e';
  const logo = brand.logoUrl?.startsWith('https://')
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="32" style="display:block;margin-bottom:16px">`
    : '';
  const paragraphs = parts.paragraphs
    .map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`)
    .join('');
  const action = parts.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(parts.action.url)}" style="background:${color};color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(parts.action.label)}</a></p><p style="font-size:13px;color:#555;word-break:break-all">${escapeHtml(parts.action.url)}</p>`
    : '';
  const footnote = parts.footnote
    ? `<p style="font-size:12px;color:#777;margin-top:32px">${escapeHtml(parts.footnote)}</p>`
    : '';
  const html = `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111;background:#f6f7f9;padding:24px"><div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:32px;border-top:4px solid ${color}">${logo}<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(parts.heading)}</h1>${paragraphs}${action}${footnote}<p style="font-size:12px;color:#999;margin-top:24px">${escapeHtml(brand.name)}</p></div></body></html>`;
  const text = [
    parts.heading,
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`, ''] : []),
    ...(parts.footnote ? [parts.footnote, ''] : []),
    `— ${brand.name}`,
  ].join('\n');
  return { html, text };
}
