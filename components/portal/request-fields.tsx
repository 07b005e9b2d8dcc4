'use client';

import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ArticleSuggestions } from '@/components/help/article-suggestions';
import { errorProps, Field, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { CustomerPaths } from '@/lib/utils/customer-paths';

/**
 * The heart of a request form, the same for a guest and a signed-in customer: the subject, the articles
 * that may already answer it (deflection, before the customer writes the rest), then the message.
 * `children` goes between the suggestions and the message (the signed-in form's category).
 */
export function RequestFields({
  id,
  portalSlug,
  paths,
  form,
  errorFor,
  children,
}: {
  /** The form's useId(): each field's id and its error's id derive from it. */
  id: string;
  portalSlug: string;
  paths: CustomerPaths;
  /** The react-hook-form of either request form; only its subject and body are used here. */
  form: {
    register: (name: 'subject' | 'body') => UseFormRegisterReturn;
    watch: (name: 'subject') => string;
  };
  errorFor: (field: 'subject' | 'body') => string | undefined;
  children?: ReactNode;
}) {
  // The suggestions follow the subject as it is typed.
  const subject = form.watch('subject');
  /** A field's id (from the form's) and its message; the control adds the registration and error wiring. */
  const field = (name: 'subject' | 'body') => ({ id: `${id}-${name}`, error: errorFor(name) });
  const control = (name: 'subject' | 'body') => ({
    id: `${id}-${name}`,
    required: true,
    ...errorProps(`${id}-${name}`, errorFor(name)),
    ...form.register(name),
  });
  return (
    <>
      <Field {...field('subject')} label="Subject">
        <Input maxLength={200} {...control('subject')} />
      </Field>
      <ArticleSuggestions workspace={portalSlug} subject={subject} articleBase={`${paths.help}/articles`} />
      {children}
      <Field
        {...field('body')}
        label="Message"
        hint="Describe what happened and what you expected. Include any error messages."
      >
        <Textarea rows={8} {...control('body')} />
      </Field>
    </>
  );
}
