import 'server-only';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Article bodies are written by staff but read by the public on the workspace's own domain: whatever an
// author (or a stolen agent account) types, no script, event handler or javascript: URL may reach a
// reader's browser. Markdown-it renders (raw HTML allowed, so <kbd> or <details> work), then an allowlist
// sanitizer decides what survives. Preview and the help center use this same function.

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false, breaks: false });

const alignment = [/^(left|right|center)$/];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'kbd',
    'samp',
    'em',
    'strong',
    'b',
    'i',
    'u',
    's',
    'del',
    'ins',
    'mark',
    'sub',
    'sup',
    'small',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'a',
    'img',
    'figure',
    'figcaption',
    'details',
    'summary',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    ol: ['start'],
    th: ['style', 'colspan', 'rowspan'],
    td: ['style', 'colspan', 'rowspan'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[a-z0-9+#-]{1,30}$/] },
  allowedStyles: { th: { 'text-align': alignment }, td: { 'text-align': alignment } },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // script, style and the like lose their content too, not just their tags.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'template',
    'svg',
    'math',
  ],
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links in articles are the author's, not the workspace's endorsement, and must not reach back via opener.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener nofollow' } }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !frame.attribs.src) || (frame.tag === 'a' && !frame.attribs.href && !frame.text.trim()),
};

/** Markdown in, HTML safe to put in the page out. */
export function renderArticleHtml(bodyMarkdown: string): string {
  return sanitizeHtml(markdown.render(bodyMarkdown), SANITIZE_OPTIONS);
}

/** The words of an article without markup: meta descriptions and excerpts when none was written. */
export function markdownToText(bodyMarkdown: string, maxLength = 300): string {
  const text = sanitizeHtml(markdown.render(bodyMarkdown), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: SANITIZE_OPTIONS.nonTextTags,
  })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength - 20)).trimEnd()}…`;
}
