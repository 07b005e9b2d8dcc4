import { ViewerTime } from '@/components/sla/viewer-time';
import { SLA_METRIC_LABELS, type SlaMetric } from '@/lib/constants/sla';
import { STATUS_LABELS, type TicketPriority, type TicketStatus } from '@/lib/constants/ticket';
import { activityLabel, PRIORITY_LABELS } from './ticket-labels';
import { RelativeTime } from './relative-time';
import type { TicketActivity } from './types';

export type NameLookup = {
  users: Map<string, string>;
  teams: Map<string, string>;
  categories: Map<string, string>;
  /** Ticket type names by key; a deleted type shows its key. */
  types: Map<string, string>;
};

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  priority: 'Priority',
  type: 'Type',
  assigneeId: 'Assignee',
  teamId: 'Team',
  categoryId: 'Category',
  tags: 'Tags',
  subject: 'Subject',
  customFields: 'Custom fields',
  mergedIntoId: 'Merged into',
  mergedFrom: 'Merged from',
  metric: 'SLA target',
  escalationLevel: 'Escalation level',
};

// SLA records name what happened rather than a before/after: "SLA target: First response".
const NAMING_FIELDS = new Set(['metric', 'escalationLevel']);
const ISO_INSTANT = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)/;

/** A reason with the instants the worker wrote (ISO, UTC) shown in the viewer's own time. */
function ReasonText({ reason }: { reason: string }) {
  return reason
    .split(ISO_INSTANT)
    .map((part, index) => (index % 2 ? <ViewerTime key={index} date={new Date(part)} /> : part));
}

/** A stored value as a person reads it: labels for enums, names for ids, "none" for empty. */
function describeValue(field: string, value: unknown, names: NameLookup): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value !== 'string') return typeof value === 'object' ? 'changed' : String(value);
  switch (field) {
    case 'status':
      return STATUS_LABELS[value as TicketStatus] ?? value;
    case 'priority':
      return PRIORITY_LABELS[value as TicketPriority] ?? value;
    case 'type':
      return names.types.get(value) ?? value;
    case 'assigneeId':
      return names.users.get(value) ?? 'a former agent';
    case 'teamId':
      return names.teams.get(value) ?? 'a deleted team';
    case 'categoryId':
      return names.categories.get(value) ?? 'a removed category';
    case 'mergedIntoId':
    case 'mergedFrom':
      return 'another ticket';
    case 'metric':
      return SLA_METRIC_LABELS[value as SlaMetric] ?? value;
    default:
      return value;
  }
}

/** Who changed what and when, newest first. */
export function ActivityLog({ activities, names }: { activities: TicketActivity[]; names: NameLookup }) {
  if (!activities.length) return <p className="text-sm text-slate-500">No activity recorded yet.</p>;
  return (
    <ol aria-label="Activity" className="space-y-3">
      {[...activities].reverse().map((activity) => (
        <li key={activity.id} className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium text-slate-900">{activity.actorName}</span>
            <span className="text-slate-700">{activityLabel(activity.action)}</span>
            <span className="ml-auto text-xs text-slate-500">
              <RelativeTime date={activity.createdAt} />
            </span>
          </p>
          {Object.keys(activity.changes).length ? (
            <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
              {Object.entries(activity.changes).map(([field, change]) => (
                <li key={field}>
                  {FIELD_LABELS[field] ?? field}:{' '}
                  {NAMING_FIELDS.has(field) && change.from == null
                    ? describeValue(field, change.to, names)
                    : `${describeValue(field, change.from, names)} → ${describeValue(field, change.to, names)}`}
                </li>
              ))}
            </ul>
          ) : null}
          {activity.reason ? (
            <p className="mt-1 text-xs italic text-slate-600">
              <ReasonText reason={activity.reason} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
