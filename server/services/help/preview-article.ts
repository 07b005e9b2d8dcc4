import { renderArticleHtml } from './render-markdown';

/** The editor's live preview: the very renderer and sanitizer readers get, so what an author sees is what ships. */
export function previewArticle(input: { bodyMarkdown: string }) {
  return { html: renderArticleHtml(input.bodyMarkdown) };
}
