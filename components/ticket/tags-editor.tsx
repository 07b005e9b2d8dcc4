'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import { Input, Label } from '@/components/ui/input';
import { parseTags } from './list-filters';

/** Tags as removable chips plus a field that adds on Enter or comma. Saves the whole list each time. */
export function TagsEditor({
  tags,
  onChange,
  disabled,
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [hint, setHint] = useState<string | null>(null);

  function commit() {
    if (!draft.trim()) return;
    const added = parseTags(draft).filter((t) => !tags.includes(t));
    if (!added.length) {
      setHint(
        parseTags(draft).length
          ? 'That tag is already on the ticket.'
          : 'Tags use letters, digits, dashes, dots and underscores.',
      );
      return;
    }
    setHint(null);
    setDraft('');
    onChange([...tags, ...added]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && !draft && tags.length) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div>
      <Label htmlFor={id}>Tags</Label>
      {tags.length ? (
        <ul aria-label="Ticket tags" className="mb-2 flex flex-wrap gap-1.5">
          {tags.map((tag) => (
            <li
              key={tag}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2 pr-1 text-xs text-slate-700"
            >
              {tag}
              <button
                type="button"
                disabled={disabled}
                onClick={() => onChange(tags.filter((t) => t !== tag))}
                aria-label={`Remove tag ${tag}`}
                className="rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Input
        id={id}
        value={draft}
        disabled={disabled}
        placeholder="Add a tag and press Enter"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-red-700">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
