'use client';

import { useEffect, useRef } from 'react';

export type HotkeyMap = Record<string, (event: KeyboardEvent) => void>;

// Focus on a checkbox (a list row's) is not typing: x and j/k must still work from there.
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color']);

/** True while the person is typing somewhere: shortcuts must never steal their keystrokes. */
export function isTypingTarget(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/**
 * Single-key shortcuts (`j`, `?`, `Enter`) on the document. Keys with Ctrl/Cmd/Alt are left to the
 * browser, and keys pressed inside an open dialog belong to the dialog.
 */
export function useHotkeys(map: HotkeyMap, enabled = true) {
  // The latest handlers without re-subscribing on every render.
  const current = useRef(map);
  current.current = map;

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTypingTarget(event.target)) return;
      if (
        event.target instanceof Element &&
        event.target.closest('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]')
      )
        return;
      const handler = current.current[event.key];
      if (handler) handler(event);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
