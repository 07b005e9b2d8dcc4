/** The help menu a host shows in its own navigation (seed 000's "Help" dropdown), built from Cairn's URLs. */
export type HelpLink = { label: string; href: string; kind: 'help-center' | 'contact' | 'requests' | 'article' };

export function helpMenuLinks(appUrl: string, workspace: string, articles: Array<{ slug: string; title: string }>) {
  const base = `${appUrl.replace(/\/$/, '')}/${encodeURIComponent(workspace)}`;
  const links: HelpLink[] = articles.map((article) => ({
    label: article.title,
    href: `${base}/help/articles/${encodeURIComponent(article.slug)}`,
    kind: 'article',
  }));
  links.push(
    { label: 'Help center', href: `${base}/help`, kind: 'help-center' },
    { label: 'Contact support', href: `${base}/portal/new`, kind: 'contact' },
    { label: 'My requests', href: `${base}/portal`, kind: 'requests' },
  );
  return links;
}
