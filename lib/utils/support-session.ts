/**
 * The id of one visit to the help center or portal, for deflection: "viewed an article, then did not file a
 * request within 30 minutes". Kept in sessionStorage (this tab, until it closes), a random uuid that names
 * nobody; nothing personal goes with it. Null where storage is unavailable (private modes, old browsers).
 */
const KEY = 'cairn_support_session';

export function supportSessionId(): string | null {
  if (typeof window === 'undefined') return null;
  try {
    let id = window.sessionStorage.getItem(KEY);
    if (!id) {
      id = crypto.randomUUID();
      window.sessionStorage.setItem(KEY, id);
    }
    return id;
  } catch {
    return null;
  }
}
