import type { MacroRow, SaveMacroValues } from '@/components/ticket/types';
import { TICKET_PRIORITIES } from '@/lib/constants/ticket';

/** The statuses a macro may set: not `new` (a ticket never goes back) nor `merged` (only a merge does that). */
export const MACRO_STATUSES = ['open', 'pending', 'on_hold', 'solved', 'closed'] as const;

const oneOf = <V extends string>(list: readonly V[], value: string): V | undefined =>
  (list as readonly string[]).includes(value) ? (value as V) : undefined;

/**
 * The editor's flat, string-valued shape and its mapping to and from the macro procedure's input. In the
 * reference selects, '' means "leave as it is" and CLEAR means "empty it", which the procedure tells
 * apart as undefined and null.
 */
export const CLEAR = '__clear';

export type MacroFormValues = {
  name: string;
  body: string;
  kind: 'reply' | 'note';
  visibility: 'personal' | 'teams' | 'everyone';
  teamIds: string[];
  status: string;
  priority: string;
  type: string;
  categoryId: string;
  teamId: string;
  assigneeId: string;
  addTags: string;
  removeTags: string;
  customFields: Record<string, string>;
};

export const EMPTY_MACRO: MacroFormValues = {
  name: '',
  body: '',
  kind: 'reply',
  visibility: 'everyone',
  teamIds: [],
  status: '',
  priority: '',
  type: '',
  categoryId: '',
  teamId: '',
  assigneeId: '',
  addTags: '',
  removeTags: '',
  customFields: {},
};

const ref = (value: string | null | undefined) => (value === null ? CLEAR : (value ?? ''));
const fromRef = (value: string) => (value === CLEAR ? null : value || undefined);
const tags = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);

export function toFormValues(macro: MacroRow): MacroFormValues {
  const a = macro.actions;
  return {
    name: macro.name,
    body: macro.body,
    kind: macro.kind === 'note' ? 'note' : 'reply',
    visibility: macro.visibility,
    teamIds: macro.teamIds,
    status: a.status ?? '',
    priority: a.priority ?? '',
    type: ref(a.type),
    categoryId: ref(a.categoryId),
    teamId: ref(a.teamId),
    assigneeId: ref(a.assigneeId),
    addTags: (a.addTags ?? []).join(', '),
    removeTags: (a.removeTags ?? []).join(', '),
    customFields: Object.fromEntries(
      Object.entries(a.customFields ?? {}).map(([k, v]) => [k, v === null ? CLEAR : String(v)]),
    ),
  };
}

/** Custom field text as the field's type wants it; what does not parse goes as typed, for the server to name. */
function fieldValue(type: string | undefined, text: string): string | number | boolean | null {
  if (text === CLEAR) return null;
  if (type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (type === 'checkbox') return text === 'true';
  return text;
}

export function toSaveInput(
  values: MacroFormValues,
  fieldTypes: Map<string, string>,
  macroId?: string,
): SaveMacroValues {
  const customFields = Object.fromEntries(
    Object.entries(values.customFields)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, fieldValue(fieldTypes.get(k), v)]),
  );
  return {
    ...(macroId ? { macroId } : {}),
    name: values.name,
    body: values.body,
    kind: values.kind,
    visibility: values.visibility,
    teamIds: values.visibility === 'teams' ? values.teamIds : [],
    actions: {
      status: oneOf(MACRO_STATUSES, values.status),
      priority: oneOf(TICKET_PRIORITIES, values.priority),
      type: fromRef(values.type),
      categoryId: fromRef(values.categoryId),
      teamId: fromRef(values.teamId),
      assigneeId: fromRef(values.assigneeId),
      addTags: tags(values.addTags),
      removeTags: tags(values.removeTags),
      ...(Object.keys(customFields).length ? { customFields } : {}),
    },
  };
}
