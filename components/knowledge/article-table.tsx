'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { Label, SearchInput } from '@/components/ui/input';
import { labelledOptions, SelectField } from '@/components/ui/select-field';
import { QueryView } from '@/components/ui/query-view';
import { HeadingRow } from '@/components/ui/table-parts';
import {
  ARTICLE_STATUSES,
  ARTICLE_STATUS_LABELS,
  ARTICLE_VISIBILITY_LABELS,
  type ArticleStatus,
} from '@/lib/constants/help';
import { useTRPC } from '@/lib/trpc/client';
import { isScheduled, STATUS_TONES } from './article-labels';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const COLUMNS = ['Title', 'Status', 'Visible to', 'Views', 'Helpful', 'Updated'] as const;

/** Every article of the workspace, any status, with filters; each row opens the editor. */
export function ArticleTable() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<ArticleStatus | ''>('');
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim());
  const list = useQuery({
    ...trpc.article.list.queryOptions({ status: status || undefined, query: query || undefined }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(query || status);
  const empty = (
    <EmptyState
      title={filtered ? 'No matching articles' : 'No articles yet'}
      description={filtered ? 'Try another word or status.' : 'Write the first answer your customers keep asking for.'}
      action={
        <Button asChild>
          <Link href="/agent/knowledge/new">New article</Link>
        </Button>
      }
    />
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="sm:w-72">
          <Label htmlFor="article-search">Search articles</Label>
          <SearchInput
            id="article-search"
            placeholder="Title, address or keyword"
            value={search}
            onValueChange={setSearch}
          />
        </div>
        <SelectField
          id="article-status"
          label="Status"
          fieldClassName="sm:w-48"
          value={status}
          onValueChange={setStatus}
          options={[{ value: '', label: 'Any status' }, ...labelledOptions(ARTICLE_STATUSES, ARTICLE_STATUS_LABELS)]}
        />
      </div>

      <QueryView query={list} loading={{ rows: 5, label: 'Loading articles' }} empty={empty}>
        {(data) => (
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" aria-busy={list.isFetching}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Articles</caption>
              <thead className="hidden bg-slate-50 text-xs uppercase tracking-wide text-slate-500 sm:table-header-group">
                <HeadingRow columns={COLUMNS} cellClassName="px-4 py-2" />
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.map((article) => {
                  const votes = article.helpfulYes + article.helpfulNo;
                  return (
                    <tr key={article.id} className="flex flex-col gap-1 px-4 py-3 sm:table-row sm:p-0">
                      <td className="sm:px-4 sm:py-3">
                        <Link
                          href={`/agent/knowledge/${article.id}`}
                          className="font-medium text-slate-900 hover:text-brand hover:underline"
                        >
                          {article.title}
                        </Link>
                        <span className="block text-xs text-slate-500">{article.categoryName ?? 'No category'}</span>
                      </td>
                      <td className="sm:px-4 sm:py-3">
                        {isScheduled(article) ? (
                          <Badge tone="info">Scheduled {dateFormat.format(article.publishedAt!)}</Badge>
                        ) : (
                          <Badge tone={STATUS_TONES[article.status]}>{ARTICLE_STATUS_LABELS[article.status]}</Badge>
                        )}
                      </td>
                      <td className="text-slate-700 sm:px-4 sm:py-3">
                        {ARTICLE_VISIBILITY_LABELS[article.visibility]}
                      </td>
                      <td className="text-slate-700 sm:px-4 sm:py-3">{article.viewCount}</td>
                      <td className="text-slate-700 sm:px-4 sm:py-3">
                        {votes ? `${Math.round((article.helpfulYes / votes) * 100)}% of ${votes}` : '—'}
                      </td>
                      <td className="text-xs text-slate-500 sm:px-4 sm:py-3 sm:text-sm">
                        {dateFormat.format(article.updatedAt)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </div>
  );
}
