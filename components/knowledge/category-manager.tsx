'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select-field';
import { TitledSection } from '@/components/ui/titled-section';
import { CATEGORY_ICONS, type CategoryIcon } from '@/lib/constants/help';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { slugify } from './article-labels';

/** The help center's topics: categories (shown on the home page) and the sections inside them. */
export function CategoryManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.articleCategory.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.articleCategory.list.queryKey() });
  const [name, setName] = useState('');
  const [icon, setIcon] = useState<CategoryIcon>('book');
  const [sectionName, setSectionName] = useState('');
  const [sectionCategory, setSectionCategory] = useState('');
  const saveCategory = useMutation(
    trpc.articleCategory.save.mutationOptions({ onSuccess: () => (setName(''), refresh()) }),
  );
  const saveSection = useMutation(
    trpc.articleCategory.saveSection.mutationOptions({ onSuccess: () => (setSectionName(''), refresh()) }),
  );

  return (
    <TitledSection headingId="categories-heading" title="Categories and sections" className="space-y-4">
      <ul className="space-y-2 text-sm">
        {categories.data?.map((c) => (
          <li key={c.id} className="rounded-md border border-slate-200 bg-white px-3 py-2">
            <p className="font-medium text-slate-900">{c.name}</p>
            {c.sections.length ? (
              <p className="text-xs text-slate-600">{c.sections.map((s) => s.name).join(' · ')}</p>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          saveCategory.mutate({ name, slug: slugify(name), icon });
        }}
      >
        <Field id="new-category" label="New category">
          <Input
            id="new-category"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            placeholder="Billing"
          />
        </Field>
        <SelectField
          id="new-category-icon"
          label="Icon"
          value={icon}
          onValueChange={setIcon}
          options={CATEGORY_ICONS.map((i) => ({ value: i, label: i }))}
        />
        <Button size="sm" type="submit" variant="secondary" disabled={saveCategory.isPending || name.trim().length < 2}>
          Add category
        </Button>
        {saveCategory.isError ? <Alert>{describeError(saveCategory.error).message}</Alert> : null}
      </form>
      {categories.data?.length ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            saveSection.mutate({ categoryId: sectionCategory || categories.data[0]!.id, name: sectionName });
          }}
        >
          <Field id="new-section" label="New section">
            <Input
              id="new-section"
              value={sectionName}
              maxLength={100}
              onChange={(e) => setSectionName(e.target.value)}
              placeholder="Invoices"
            />
          </Field>
          <SelectField
            id="new-section-category"
            label="In category"
            value={sectionCategory || categories.data[0]!.id}
            onValueChange={setSectionCategory}
            options={categories.data.map((c) => ({ value: c.id, label: c.name }))}
          />
          <Button
            size="sm"
            type="submit"
            variant="secondary"
            disabled={saveSection.isPending || sectionName.trim().length < 2}
          >
            Add section
          </Button>
          {saveSection.isError ? <Alert>{describeError(saveSection.error).message}</Alert> : null}
        </form>
      ) : null}
    </TitledSection>
  );
}
