'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { ARTICLE_VISIBILITIES, ARTICLE_VISIBILITY_LABELS, type ArticleVisibility } from '@/lib/constants/help';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { slugify } from './article-labels';
import { MarkdownPreview } from './markdown-preview';

export type EditableArticle = {
  id: string;
  title: string;
  slug: string;
  bodyMarkdown: string;
  excerpt: string;
  categoryId: string | null;
  sectionId: string | null;
  tags: string[];
  keywords: string;
  position: number;
  visibility: ArticleVisibility;
  currentVersion: number;
  updatedAt: Date;
};

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const splitList = (text: string) => [...new Set(text.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))];

/**
 * Writes an article: Markdown on the left, the rendered preview on the right (stacked on a phone).
 * Every save stores a new version. A new article gets its address from the title until edited by hand.
 */
export function ArticleEditor({ article }: { article?: EditableArticle }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.articleCategory.list.queryOptions());
  const [title, setTitle] = useState(article?.title ?? '');
  const [slug, setSlug] = useState(article?.slug ?? '');
  const [slugEdited, setSlugEdited] = useState(Boolean(article));
  const [body, setBody] = useState(article?.bodyMarkdown ?? '');
  const [excerpt, setExcerpt] = useState(article?.excerpt ?? '');
  const [categoryId, setCategoryId] = useState(article?.categoryId ?? '');
  const [sectionId, setSectionId] = useState(article?.sectionId ?? '');
  const [tags, setTags] = useState(article?.tags.join(', ') ?? '');
  const [keywords, setKeywords] = useState(article?.keywords ?? '');
  const [visibility, setVisibility] = useState<ArticleVisibility>(article?.visibility ?? 'public');
  const [tab, setTab] = useState<'write' | 'preview'>('write');

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.article.pathKey() });
  const create = useMutation(trpc.article.create.mutationOptions({ onSuccess: async (created) => {
    await refresh();
    router.replace(`/agent/knowledge/${created.id}`);
  } }));
  const update = useMutation(trpc.article.update.mutationOptions({ onSuccess: refresh }));
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;
  const problem = failure ? describeError(failure) : null;
  const fieldError = (name: string) => (problem?.field === name ? problem.message : problem?.fieldErrors[name]?.[0]);
  const sections = categories.data?.find((c) => c.id === categoryId)?.sections ?? [];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields = {
      title,
      slug,
      bodyMarkdown: body,
      excerpt,
      categoryId: categoryId || null,
      sectionId: sectionId || null,
      tags: splitList(tags),
      keywords,
      position: article?.position ?? 0,
      visibility,
    };
    if (article) update.mutate({ articleId: article.id, ...fields });
    else create.mutate(fields);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="article-title" label="Title" error={fieldError('title')}>
          <Input
            id="article-title"
            value={title}
            required
            maxLength={200}
            aria-invalid={Boolean(fieldError('title'))}
            onChange={(e) => {
              setTitle(e.target.value);
              if (!slugEdited) setSlug(slugify(e.target.value));
            }}
          />
        </Field>
        <Field id="article-slug" label="Address" hint="The last part of the article's URL in the help center." error={fieldError('slug')}>
          <Input
            id="article-slug"
            value={slug}
            required
            maxLength={120}
            aria-invalid={Boolean(fieldError('slug'))}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
            }}
          />
        </Field>
        <Field id="article-category" label="Category" error={fieldError('categoryId')}>
          <Select
            id="article-category"
            value={categoryId}
            onChange={(e) => {
              setCategoryId(e.target.value);
              setSectionId('');
            }}
          >
            <option value="">No category</option>
            {categories.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="article-section" label="Section" error={fieldError('sectionId')}>
          <Select id="article-section" value={sectionId} disabled={!sections.length} onChange={(e) => setSectionId(e.target.value)}>
            <option value="">{sections.length ? 'No section' : 'The category has no sections'}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="article-visibility" label="Visible to">
          <Select id="article-visibility" value={visibility} onChange={(e) => setVisibility(e.target.value as ArticleVisibility)}>
            {ARTICLE_VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {ARTICLE_VISIBILITY_LABELS[v]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="article-tags" label="Tags" hint="Comma-separated; articles sharing a tag are shown as related." error={fieldError('tags')}>
          <Input id="article-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="login, security" />
        </Field>
        <Field id="article-keywords" label="Search keywords" hint="Other words readers search with: synonyms, old names, common misspellings." error={fieldError('keywords')}>
          <Input id="article-keywords" value={keywords} maxLength={500} onChange={(e) => setKeywords(e.target.value)} placeholder="forgot password, locked out" />
        </Field>
        <Field id="article-excerpt" label="Excerpt" hint="Shown in lists and to search engines; the first lines are used when empty." error={fieldError('excerpt')}>
          <Input id="article-excerpt" value={excerpt} maxLength={500} onChange={(e) => setExcerpt(e.target.value)} />
        </Field>
      </div>

      <div className="space-y-2">
        <div className="flex items-center justify-between gap-2">
          <span className="text-sm font-medium text-slate-700">Body (Markdown)</span>
          {/* On a phone the two panes take turns; side by side from the lg breakpoint. */}
          <div className="flex gap-1 lg:hidden" role="tablist" aria-label="Editor view">
            <Button type="button" size="sm" variant={tab === 'write' ? 'primary' : 'ghost'} role="tab" aria-selected={tab === 'write'} onClick={() => setTab('write')}>
              Write
            </Button>
            <Button type="button" size="sm" variant={tab === 'preview' ? 'primary' : 'ghost'} role="tab" aria-selected={tab === 'preview'} onClick={() => setTab('preview')}>
              Preview
            </Button>
          </div>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <div className={tab === 'write' ? '' : 'hidden lg:block'}>
            <label htmlFor="article-body" className="sr-only">
              Body in Markdown
            </label>
            <Textarea id="article-body" value={body} onChange={(e) => setBody(e.target.value)} rows={22} className="min-h-96 font-mono" aria-invalid={Boolean(fieldError('bodyMarkdown'))} />
          </div>
          <div className={tab === 'preview' ? '' : 'hidden lg:block'}>
            <MarkdownPreview markdown={body} />
          </div>
        </div>
      </div>

      {problem && !fieldError('title') && !fieldError('slug') ? <Alert>{problem.message}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={saving}>
          {saving ? 'Saving…' : article ? 'Save' : 'Create draft'}
        </Button>
        {article ? (
          <p role="status" className="text-sm text-slate-500">
            Version {article.currentVersion}, saved {timeFormat.format(article.updatedAt)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
