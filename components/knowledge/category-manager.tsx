'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AddNamedItemForm } from '@/components/ui/add-named-item-form';
import { namedOptions, SelectField } from '@/components/ui/select-field';
import { TitledSection } from '@/components/ui/titled-section';
import { CATEGORY_ICONS, type CategoryIcon } from '@/lib/constants/help';
import { useTRPC } from '@/lib/trpc/client';
import { slugify } from './article-labels';

/** The help center's topics: categories (shown on the home page) and the sections inside them. */
export function CategoryManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.articleCategory.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.articleCategory.list.queryKey() });
  const [icon, setIcon] = useState<CategoryIcon>('book');
  const [sectionCategory, setSectionCategory] = useState('');
  const saveCategory = useMutation(trpc.articleCategory.save.mutationOptions({ onSuccess: refresh }));
  const saveSection = useMutation(trpc.articleCategory.saveSection.mutationOptions({ onSuccess: refresh }));

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
      <AddNamedItemForm
        noun="category"
        placeholder="Billing"
        mutation={saveCategory}
        onAdd={(name, options) => saveCategory.mutate({ name, slug: slugify(name), icon }, options)}
      >
        <SelectField
          id="new-category-icon"
          label="Icon"
          value={icon}
          onValueChange={setIcon}
          options={CATEGORY_ICONS.map((i) => ({ value: i, label: i }))}
        />
      </AddNamedItemForm>
      {categories.data?.length ? (
        <AddNamedItemForm
          noun="section"
          placeholder="Invoices"
          mutation={saveSection}
          onAdd={(name, options) =>
            saveSection.mutate({ categoryId: sectionCategory || categories.data[0]!.id, name }, options)
          }
        >
          <SelectField
            id="new-section-category"
            label="In category"
            value={sectionCategory || categories.data[0]!.id}
            onValueChange={setSectionCategory}
            options={namedOptions(categories.data)}
          />
        </AddNamedItemForm>
      ) : null}
    </TitledSection>
  );
}
