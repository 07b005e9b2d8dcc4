'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { labelledOptions, namedOptions, SelectOptions } from '@/components/ui/select-field';
import { Textarea } from '@/components/ui/textarea';
import { ARTICLE_VISIBILITIES, ARTICLE_VISIBILITY_LABELS, type ArticleVisibility } from '@/lib/constants/help';
import { articleForm } from '@/lib/validators/help';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { slugify } from './article-labels';
import { MarkdownPreview } from './markdown-preview';

const EDITOR_TABS = ['write', 'preview'] as const;
type EditorTab = (typeof EDITOR_TABS)[number];
const EDITOR_TAB_LABELS: Record<EditorTab, string> = { write: 'Write', preview: 'Preview' };

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

/** Fields that show their own error; any other problem is said once above the save button. */
const SHOWN_FIELDS = ['title', 'slug', 'categoryId', 'sectionId', 'tags', 'keywords', 'excerpt'] as const;

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const splitList = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  ),
];

/**
 * Writes an article: Markdown on the left, the rendered preview on the right (stacked on a phone).
 * Every save stores a new version. A new article gets its address from the title until edited by hand.
 */
export function ArticleEditor({ article }: { article?: EditableArticle }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.articleCategory.list.queryOptions());
  const form = useForm({
    resolver: zodResolver(articleForm),
    defaultValues: {
      title: article?.title ?? '',
      slug: article?.slug ?? '',
      bodyMarkdown: article?.bodyMarkdown ?? '',
      excerpt: article?.excerpt ?? '',
      categoryId: article?.categoryId ?? '',
      sectionId: article?.sectionId ?? '',
      tags: article?.tags.join(', ') ?? '',
      keywords: article?.keywords ?? '',
      visibility: article?.visibility ?? 'public',
    },
  });
  // A new article's address follows its title until the author edits the address by hand.
  const slugEdited = Boolean(article) || Boolean(form.formState.dirtyFields.slug);
  const [tab, setTab] = useState<EditorTab>('write');
  const body = form.watch('bodyMarkdown') ?? '';
  const categoryId = form.watch('categoryId');

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.article.pathKey() });
  const create = useMutation(
    trpc.article.create.mutationOptions({
      onSuccess: async (created) => {
        await refresh();
        router.replace(`/agent/knowledge/${created.id}`);
      },
    }),
  );
  const update = useMutation(trpc.article.update.mutationOptions({ onSuccess: refresh }));
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;
  const problem = failure ? describeError(failure) : null;
  const fieldError = (name: keyof z.input<typeof articleForm>) =>
    form.formState.errors[name]?.message ??
    (problem?.field === name ? problem.message : problem?.fieldErrors[name]?.[0]);
  const sections = categories.data?.find((c) => c.id === categoryId)?.sections ?? [];

  const onSubmit = form.handleSubmit((values) => {
    const fields = {
      ...values,
      categoryId: values.categoryId || null,
      sectionId: values.sectionId || null,
      tags: splitList(values.tags),
      position: article?.position ?? 0,
    };
    if (article) update.mutate({ articleId: article.id, ...fields });
    else create.mutate(fields);
  });
  const title = form.register('title', {
    onChange: (e: { target: { value: string } }) => {
      if (!slugEdited) form.setValue('slug', slugify(e.target.value));
    },
  });
  const category = form.register('categoryId', { onChange: () => form.setValue('sectionId', '') });

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="article-title" label="Title" error={fieldError('title')}>
          <Input id="article-title" required maxLength={200} aria-invalid={Boolean(fieldError('title'))} {...title} />
        </Field>
        <Field
          id="article-slug"
          label="Address"
          hint="The last part of the article's URL in the help center."
          error={fieldError('slug')}
        >
          <Input
            id="article-slug"
            required
            maxLength={120}
            aria-invalid={Boolean(fieldError('slug'))}
            {...form.register('slug')}
          />
        </Field>
        <Field id="article-category" label="Category" error={fieldError('categoryId')}>
          <Select id="article-category" {...category}>
            <option value="">No category</option>
            <SelectOptions options={namedOptions(categories.data ?? [])} />
          </Select>
        </Field>
        <Field id="article-section" label="Section" error={fieldError('sectionId')}>
          <Select id="article-section" disabled={!sections.length} {...form.register('sectionId')}>
            <option value="">{sections.length ? 'No section' : 'The category has no sections'}</option>
            <SelectOptions options={namedOptions(sections)} />
          </Select>
        </Field>
        <Field id="article-visibility" label="Visible to">
          <Select id="article-visibility" {...form.register('visibility')}>
            <SelectOptions options={labelledOptions(ARTICLE_VISIBILITIES, ARTICLE_VISIBILITY_LABELS)} />
          </Select>
        </Field>
        <Field
          id="article-tags"
          label="Tags"
          hint="Comma-separated; articles sharing a tag are shown as related."
          error={fieldError('tags')}
        >
          <Input id="article-tags" placeholder="login, security" {...form.register('tags')} />
        </Field>
        <Field
          id="article-keywords"
          label="Search keywords"
          hint="Other words readers search with: synonyms, old names, common misspellings."
          error={fieldError('keywords')}
        >
          <Input
            id="article-keywords"
            maxLength={500}
            placeholder="forgot password, locked out"
            {...form.register('keywords')}
          />
        </Field>
        <Field
          id="article-excerpt"
          label="Excerpt"
          hint="Shown in lists and to search engines; the first lines are used when empty."
          error={fieldError('excerpt')}
        >
          <Input id="article-excerpt" maxLength={500} {...form.register('excerpt')} />
        </Field>
      </div>

      <div className="space-y-2">
        <div className="flex items-center justify-between gap-2">
          <span className="text-sm font-medium text-slate-700">Body (Markdown)</span>
          {/* On a phone the two panes take turns; side by side from the lg breakpoint. */}
          <div className="flex gap-1 lg:hidden" role="tablist" aria-label="Editor view">
            {EDITOR_TABS.map((option) => (
              <Button
                key={option}
                type="button"
                size="sm"
                variant={tab === option ? 'primary' : 'ghost'}
                role="tab"
                aria-selected={tab === option}
                onClick={() => setTab(option)}
              >
                {EDITOR_TAB_LABELS[option]}
              </Button>
            ))}
          </div>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <div className={tab === 'write' ? '' : 'hidden lg:block'}>
            <label htmlFor="article-body" className="sr-only">
              Body in Markdown
            </label>
            <Textarea
              id="article-body"
              rows={22}
              className="min-h-96 font-mono"
              aria-invalid={Boolean(fieldError('bodyMarkdown'))}
              {...form.register('bodyMarkdown')}
            />
          </div>
          <div className={tab === 'preview' ? '' : 'hidden lg:block'}>
            <MarkdownPreview markdown={body} />
          </div>
        </div>
      </div>

      {problem && !SHOWN_FIELDS.some((name) => fieldError(name)) ? <Alert>{problem.message}</Alert> : null}
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
