'use client';

import { useState } from 'react';
import { suggestSlug } from './suggest-slug';

/** Name and address state: the address follows the name until the person edits it themselves. */
export function useWorkspaceAddress(initialName = '') {
  const [name, setNameState] = useState(initialName);
  const [slug, setSlugState] = useState(suggestSlug(initialName));
  const [slugEdited, setSlugEdited] = useState(false);

  function setName(next: string) {
    setNameState(next);
    if (!slugEdited) setSlugState(suggestSlug(next));
  }

  function setSlug(next: string) {
    setSlugEdited(next.length > 0);
    setSlugState(next.toLowerCase());
  }

  return { name, setName, slug, setSlug };
}
