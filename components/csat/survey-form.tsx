'use client';

import { useState, type FormEvent } from 'react';
import {
  CSAT_ANSWER_VALUES,
  CSAT_COMMENT_MAX,
  CSAT_QUESTION_TEXT,
  csatChoices,
  type CsatQuestion,
  type CsatScale,
} from '@/lib/constants/csat';
import type { CsatResponseInput } from '@/lib/validators/csat';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Textarea } from '@/components/ui/textarea';
import { cn } from '@/lib/utils/cn';

export type SurveyValues = {
  scale: CsatScale;
  questions: CsatQuestion[];
  rating: number | null;
  comment: string;
  answers: Partial<Record<CsatQuestion, number>>;
};

type Props = {
  survey: SurveyValues;
  onSubmit: (response: CsatResponseInput) => void;
  pending: boolean;
  error: unknown;
  /** Set after a save went through: the form says so until something changes. */
  saved: boolean;
};

/** A row of radio buttons that look like buttons: arrow keys move between them, as for any radio group. */
function ChoiceGroup(props: {
  legend: string;
  name: string;
  options: Array<{ value: number; label: string }>;
  value: number | null;
  onChange: (value: number) => void;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-900">{props.legend}</legend>
      <div className="flex flex-wrap gap-2">
        {props.options.map((option) => (
          <label
            key={option.value}
            className={cn(
              'cursor-pointer rounded-md border px-3 py-2 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand',
              props.value === option.value
                ? 'border-brand bg-brand text-white'
                : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
            )}
          >
            <input
              type="radio"
              className="sr-only"
              name={props.name}
              value={option.value}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const ANSWER_OPTIONS = CSAT_ANSWER_VALUES.map((value) => ({ value, label: String(value) }));

/** The survey: the rating on the workspace's scale, an optional comment, and the follow-ups it asks. */
export function SurveyForm({ survey, onSubmit, pending, error, saved }: Props) {
  const [rating, setRating] = useState<number | null>(survey.rating);
  const [comment, setComment] = useState(survey.comment);
  const [answers, setAnswers] = useState(survey.answers);
  const [touched, setTouched] = useState(false);
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setTouched(true);
      set(value);
    };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rating === null) return;
    setTouched(false);
    onSubmit({ rating, comment, answers });
  }

  return (
    <form onSubmit={submit} className="space-y-6" aria-label="Satisfaction survey">
      <ChoiceGroup
        legend="How would you rate the support you received?"
        name="rating"
        options={csatChoices(survey.scale).map((c) => ({ value: c.rating, label: c.label }))}
        value={rating}
        onChange={change(setRating)}
      />
      {survey.questions.map((question) => (
        <ChoiceGroup
          key={question}
          legend={`${CSAT_QUESTION_TEXT[question]} (1 = not at all, 5 = very)`}
          name={`answer-${question}`}
          options={ANSWER_OPTIONS}
          value={answers[question] ?? null}
          onChange={change((value: number) => setAnswers((current) => ({ ...current, [question]: value })))}
        />
      ))}
      <div className="space-y-2">
        <label htmlFor="csat-comment" className="text-sm font-medium text-slate-900">
          Anything you would like to add? (optional)
        </label>
        <Textarea
          id="csat-comment"
          value={comment}
          maxLength={CSAT_COMMENT_MAX}
          onChange={(event) => change(setComment)(event.target.value)}
          placeholder="What went well, or what we could do better"
        />
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {saved && !touched && !error ? <Alert tone="success">Thank you! Your feedback is saved.</Alert> : null}
      <Button type="submit" disabled={pending || rating === null}>
        {pending ? 'Saving…' : 'Save feedback'}
      </Button>
    </form>
  );
}
