'use client';

import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ArticleSuggestions } from '@/components/help/article-suggestions';
import { errorProps, Field, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';

/**
 * The heart of a request form, the same for a guest and a signed-in customer: the subject, the articles
 * that may already answer it (deflection, before the customer writes the rest), then the message.
 * `children` goes between the suggestions and the message (the signed-in form's category).
 */
export function RequestFields({
  id,
  portalSlug,
  articleBase,
  subject,
  subjectInput,
  bodyInput,
  errors,
  children,
}: {
  /** The form's useId(): each field's id and its error's id derive from it. */
  id: string;
  portalSlug: string;
  articleBase: string;
  /** The subject as typed so far, which the suggestions follow. */
  subject: string;
  subjectInput: UseFormRegisterReturn<'subject'>;
  bodyInput: UseFormRegisterReturn<'body'>;
  errors: { subject?: string; body?: string };
  children?: ReactNode;
}) {
  return (
    <>
      <Field id={`${id}-subject`} label="Subject" error={errors.subject}>
        <Input
          id={`${id}-subject`}
          required
          maxLength={200}
          {...errorProps(`${id}-subject`, errors.subject)}
          {...subjectInput}
        />
      </Field>
      <ArticleSuggestions workspace={portalSlug} subject={subject} articleBase={articleBase} />
      {children}
      <Field
        id={`${id}-body`}
        label="Message"
        error={errors.body}
        hint="Describe what happened and what you expected. Include any error messages."
      >
        <Textarea id={`${id}-body`} required rows={8} {...errorProps(`${id}-body`, errors.body)} {...bodyInput} />
      </Field>
    </>
  );
}
