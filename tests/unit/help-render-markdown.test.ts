import { describe, expect, it } from 'vitest';
import { markdownToText, renderArticleHtml } from '@/server/services/help/render-markdown';

// Article bodies reach the public on the workspace's own domain: nothing executable may survive.
// Text that merely reads "javascript:" is harmless (the sanitizer escapes every < in text), so the check
// looks at real tags only: no dangerous element, no on* attribute, no URL attribute with a script scheme.
const FORBIDDEN_TAGS = /^(script|iframe|object|embed|svg|math|style|form|input|button|textarea|link|meta|base)$/i;

function dangers(html: string): string[] {
  const found: string[] = [];
  for (const [, name = '', attributes = ''] of html.matchAll(/<([a-z][a-z0-9]*)([^>]*)>/gi)) {
    if (FORBIDDEN_TAGS.test(name)) found.push(`<${name}>`);
    if (/\son[a-z]+\s*=/i.test(attributes)) found.push(`${name}: event handler`);
    if (/\sstyle\s*=\s*"[^"]*(url|expression)\(/i.test(attributes)) found.push(`${name}: style with url()`);
    for (const [, attr, value] of attributes.matchAll(/\s(href|src|action|formaction|xlink:href)\s*=\s*"([^"]*)"/gi)) {
      if (!/^(https?:|mailto:|tel:|\/|#|[a-z0-9._-]+(\/|$|\.))/i.test(value!.trim()))
        found.push(`${name}: ${attr}=${value}`);
    }
  }
  return found;
}

describe('renderArticleHtml: what must never survive', () => {
  const attacks: Array<[string, string]> = [
    ['a script tag', '<script>alert(1)</script>Hello'],
    ['a script tag in mixed case', '<ScRiPt>alert(1)</sCrIpT>'],
    ['a script split around another tag', '<scr<script>ipt>alert(1)</script>'],
    ['an event handler on an image', '<img src="x.png" onerror="alert(1)">'],
    ['an event handler without quotes', '<img src=x onerror=alert(1)>'],
    ['an event handler on a link', '<a href="https://example.com" onclick="steal()">site</a>'],
    ['an event handler in mixed case', '<b OnMouseOver="alert(1)">hover</b>'],
    ['a Markdown javascript: link', '[click](javascript:alert(1))'],
    ['a Markdown javascript: link in mixed case', '[click](JaVaScRiPt:alert(1))'],
    ['an entity-encoded Markdown javascript: link', '[click](&#106;avascript:alert(1))'],
    ['a hex-entity HTML javascript: link', '<a href="&#x6A;avascript:alert(1)">x</a>'],
    [
      'a decimal-entity HTML javascript: link',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    ],
    ['a javascript: link with a tab inside', '<a href="java\tscript:alert(1)">x</a>'],
    ['a javascript: link with leading spaces', '<a href="  javascript:alert(1)">x</a>'],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>'],
    ['a data: URL link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ['a Markdown image with a javascript: src', '![pic](javascript:alert(1))'],
    ['an HTML image with a javascript: src', '<img src="javascript:alert(1)">'],
    ['a reference-style javascript: link', '[click][x]\n\n[x]: javascript:alert(1)'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['an svg with a script', '<svg><script>alert(1)</script></svg>'],
    ['an svg onload', '<svg onload="alert(1)"></svg>'],
    ['a style tag', '<style>body{display:none}</style>'],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
    ['an object embed', '<object data="evil.swf"></object><embed src="evil.swf">'],
    ['a form with a javascript action', '<form action="javascript:alert(1)"><button>go</button></form>'],
    ['malformed HTML: unclosed tags and a stray handler', '<div onclick="x"><b>bold<i>unclosed'],
    ['malformed HTML: broken attribute quoting', '<img src="x" alt="a"onerror="alert(1)">'],
    ['malformed HTML inside a list', '- item <img src=x onerror=alert(1)\n- <a href=javascript:alert(1)>x'],
    ['HTML in a code span stays text', '`<script>alert(1)</script>`'],
  ];

  for (const [name, markdown] of attacks) {
    it(`neutralises ${name}`, () => {
      expect(dangers(renderArticleHtml(markdown))).toEqual([]);
    });
  }

  it('the checker itself spots what it must (a sanity check)', () => {
    expect(dangers('<a href="javascript:alert(1)">x</a><img src="x" onerror="y"><script>')).toHaveLength(3);
  });

  it('keeps code as escaped text', () => {
    expect(renderArticleHtml('`<script>alert(1)</script>`')).toContain(
      '<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>',
    );
  });

  it('keeps the text around removed markup', () => {
    expect(renderArticleHtml('<script>alert(1)</script>Hello')).toContain('Hello');
    expect(renderArticleHtml('<div onclick="x"><b>bold</b></div>')).toContain('<b>bold</b>');
  });
});

describe('renderArticleHtml: what authors may use', () => {
  it('renders ordinary Markdown', () => {
    const html = renderArticleHtml('# Title\n\nSome **bold** and _italic_.\n\n1. one\n2. two\n\n> quote');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<blockquote>');
  });

  it('gives every link rel="noopener nofollow", replacing any the author set', () => {
    expect(renderArticleHtml('[site](https://example.com)')).toContain(
      '<a href="https://example.com" rel="noopener nofollow">site</a>',
    );
    expect(renderArticleHtml('<a href="https://example.com" rel="opener">x</a>')).toContain('rel="noopener nofollow"');
    expect(renderArticleHtml('https://auto.example')).toContain('rel="noopener nofollow"');
  });

  it('allows mailto, tel and relative links, and https images', () => {
    expect(renderArticleHtml('[mail](mailto:help@example.com)')).toContain('href="mailto:help@example.com"');
    expect(renderArticleHtml('[call](tel:+123)')).toContain('href="tel:+123"');
    expect(renderArticleHtml('[other](/acme/help/articles/x)')).toContain('href="/acme/help/articles/x"');
    expect(renderArticleHtml('![shot](https://cdn.example/a.png)')).toContain(
      '<img src="https://cdn.example/a.png" alt="shot" loading="lazy" />',
    );
  });

  it('keeps tables with their alignment, code blocks with their language, and details', () => {
    expect(renderArticleHtml('| a | b |\n|--:|:-:|\n| 1 | 2 |')).toContain('<th style="text-align:right">a</th>');
    expect(renderArticleHtml('```js\nconst a = 1 < 2;\n```')).toContain(
      '<code class="language-js">const a = 1 &lt; 2;',
    );
    expect(renderArticleHtml('<details><summary>More</summary>Hidden</details>')).toContain(
      '<details><summary>More</summary>Hidden</details>',
    );
    expect(renderArticleHtml('Press <kbd>Ctrl</kbd>')).toContain('<kbd>Ctrl</kbd>');
  });
});

describe('markdownToText', () => {
  it('drops markup and scripts, keeps words', () => {
    expect(markdownToText('# Title\n\nSome **bold** & <script>alert(1)</script>text')).toBe('Title Some bold & text');
  });

  it('cuts long text on a word boundary', () => {
    const text = markdownToText('word '.repeat(100), 50);
    expect(text.length).toBeLessThanOrEqual(51);
    expect(text.endsWith('…')).toBe(true);
  });
});
