import Link from 'next/link';

// One glyph per icon name of CATEGORY_ICONS; plain characters, so no icon font or image to load.
const GLYPHS: Record<string, string> = {
  book: '📘',
  rocket: '🚀',
  'credit-card': '💳',
  user: '👤',
  shield: '🛡️',
  settings: '⚙️',
  plug: '🔌',
  'help-circle': '❓',
  wrench: '🔧',
  message: '💬',
};

type Props = { href: string; name: string; description: string; icon: string; articleCount: number };

export function CategoryCard({ href, name, description, icon, articleCount }: Props) {
  return (
    <Link
      href={href}
      className="group flex h-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition-colors hover:border-brand"
    >
      <span aria-hidden="true" className="text-2xl">
        {GLYPHS[icon] ?? GLYPHS.book}
      </span>
      <span className="font-semibold text-slate-900 group-hover:text-brand">{name}</span>
      {description ? <span className="text-sm text-slate-600">{description}</span> : null}
      <span className="mt-auto text-xs text-slate-500">
        {articleCount} {articleCount === 1 ? 'article' : 'articles'}
      </span>
    </Link>
  );
}
