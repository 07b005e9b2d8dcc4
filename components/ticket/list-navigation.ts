/**
 * Keyboard movement through a rendered ticket list. Rows are found by their data attributes rather than
 * held in state, so the table and the board share it and focus stays a real DOM focus (Enter on the
 * focused link opens it natively).
 */
function rows(container: HTMLElement) {
  return Array.from(container.querySelectorAll<HTMLElement>('[data-row-index]')).sort(
    (a, b) => Number(a.dataset.rowIndex) - Number(b.dataset.rowIndex),
  );
}

export function focusedRow(container: HTMLElement) {
  const active = document.activeElement;
  return active instanceof HTMLElement && container.contains(active)
    ? active.closest<HTMLElement>('[data-row-index]')
    : null;
}

/** Moves focus to the next (+1) or previous (-1) row's link; from nowhere, j starts at the top. */
export function moveRowFocus(container: HTMLElement, step: 1 | -1) {
  const all = rows(container);
  if (!all.length) return;
  const current = focusedRow(container);
  const index = current ? all.indexOf(current) : -1;
  const next =
    all[Math.max(0, Math.min(all.length - 1, index === -1 ? (step === 1 ? 0 : all.length - 1) : index + step))];
  const link = next?.querySelector<HTMLElement>('[data-row-link]');
  link?.focus();
  link?.scrollIntoView({ block: 'nearest' });
}
