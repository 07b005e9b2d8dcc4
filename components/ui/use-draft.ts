'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'cairn:draft:';

function read(key: string) {
  try {
    return window.localStorage.getItem(PREFIX + key) ?? '';
  } catch {
    return ''; // Storage off (private mode, a locked-down browser): drafts just aren't kept.
  }
}

function write(key: string, value: string) {
  try {
    if (value.trim()) window.localStorage.setItem(PREFIX + key, value);
    else window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Quota or storage off: keeping the draft is a convenience, never a reason to fail the editor.
  }
}

/**
 * Text that survives a reload: kept in this browser's localStorage under `key` (one per ticket), saved a
 * moment after typing stops, removed when emptied. Read after mount, so the server render and the first
 * client render agree.
 */
export function useDraft(key: string) {
  const [value, setValue] = useState('');
  const loadedKey = useRef<string | null>(null);

  useEffect(() => {
    loadedKey.current = key;
    const saved = read(key);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- storage is only readable after mount
    setValue(saved);
  }, [key]);

  useEffect(() => {
    if (loadedKey.current !== key) return;
    const timer = setTimeout(() => write(key, value), 300);
    return () => clearTimeout(timer);
  }, [key, value]);

  /** After sending: forget the draft at once, not after the save delay. */
  const clear = useCallback(() => {
    write(key, '');
    setValue('');
  }, [key]);

  return [value, setValue, clear] as const;
}
