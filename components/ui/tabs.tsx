'use client';

import { Tabs as Primitive } from 'radix-ui';
import { styled } from './styled';

// Styled Radix tabs: arrow keys move between tabs, and each panel is labelled by its tab.
export const Tabs = Primitive.Root;

export const TabsList = styled(Primitive.List, 'flex gap-1 border-b border-slate-200');

export const TabsTrigger = styled(
  Primitive.Trigger,
  '-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-brand data-[state=active]:text-slate-900',
);

export const TabsContent = styled(Primitive.Content, 'pt-4 focus:outline-none');
