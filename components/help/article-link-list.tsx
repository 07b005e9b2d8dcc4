import Link from 'next/link';

type Item = { id: string; slug: string; title: string; excerpt?: string };

/** A list of articles by title (and excerpt when there is one). */
export function ArticleLinkList({ items, articleBase }: { items: Item[]; articleBase: string }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={`${articleBase}/${item.slug}`} className="block px-4 py-3 hover:bg-slate-50">
            <span className="font-medium text-slate-900">{item.title}</span>
            {item.excerpt ? <span className="mt-0.5 block text-sm text-slate-600">{item.excerpt}</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
