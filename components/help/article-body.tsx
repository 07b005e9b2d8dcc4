import { cn } from '@/lib/utils/cn';

/**
 * An article's body. `html` must come from the server's renderArticleHtml (Markdown rendered, then
 * sanitized against an allowlist): that is the only reason setting it as HTML is safe.
 */
export function ArticleBody({ html, className }: { html: string; className?: string }) {
  return (
    <div
      className={cn(
        'max-w-none text-base leading-7 text-slate-800',
        '[&_h1]:mb-3 [&_h1]:mt-8 [&_h1]:text-2xl [&_h1]:font-bold [&_h2]:mb-3 [&_h2]:mt-8 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mb-2 [&_h3]:mt-6 [&_h3]:text-lg [&_h3]:font-semibold',
        '[&_p]:my-4 [&_ul]:my-4 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-4 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1',
        '[&_a]:text-brand [&_a]:underline [&_a]:underline-offset-2 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-4 [&_blockquote]:text-slate-600',
        '[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:text-sm [&_pre]:my-4 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-900 [&_pre]:p-4 [&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_pre_code]:p-0',
        '[&_img]:my-4 [&_img]:h-auto [&_img]:max-w-full [&_img]:rounded-md [&_hr]:my-8 [&_kbd]:rounded [&_kbd]:border [&_kbd]:border-slate-300 [&_kbd]:px-1 [&_kbd]:text-sm',
        '[&_table]:my-4 [&_table]:block [&_table]:overflow-x-auto [&_td]:border [&_td]:border-slate-200 [&_td]:px-3 [&_td]:py-2 [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-3 [&_th]:py-2',
        '[&_details]:my-4 [&_details]:rounded-md [&_details]:border [&_details]:border-slate-200 [&_details]:p-3 [&_summary]:cursor-pointer [&_summary]:font-medium',
        'print:text-black print:[&_a]:text-black print:[&_pre]:bg-white print:[&_pre]:text-black print:[&_pre]:border print:[&_pre]:border-slate-300',
        className,
      )}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
