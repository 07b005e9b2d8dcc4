'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { describeError } from '@/lib/trpc/errors';
import { TeamAssignmentSettings } from './team-assignment-settings';
import { useTRPC } from '@/lib/trpc/client';

type Person = { userId: string; name: string | null; email: string };
type Team = { id: string; name: string; description: string; leadUserId: string | null; members: Person[] };

const personName = (p: Person) => p.name || p.email;
const FIELDS = ['name', 'description'] as const;

function EditTeamForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(team.name);
  const [description, setDescription] = useState(team.description);
  const update = useMutation(
    trpc.team.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.team.list.queryKey() });
        onDone();
      },
    }),
  );
  const errors = formErrors(update.error, FIELDS);
  const prefix = `team-${team.id}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ teamId: team.id, name, description });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <Field id={`${prefix}-name`} label="Team name" error={errors.fields.name}>
        <Input
          id={`${prefix}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={Boolean(errors.fields.name)}
          // The field appears because the admin chose to rename: focus follows their action.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        />
      </Field>
      <Field id={`${prefix}-description`} label="Description" error={errors.fields.description}>
        <Input
          id={`${prefix}-description`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={Boolean(errors.fields.description)}
        />
      </Field>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save team'}
        </Button>
      </div>
    </form>
  );
}

export function TeamCard({ team, workspaceMembers }: { team: Team; workspaceMembers: Person[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [showAssignment, setShowAssignment] = useState(false);
  const [selected, setSelected] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.team.list.queryKey() });

  const addMember = useMutation(
    trpc.team.addMember.mutationOptions({
      onSuccess: async () => {
        setSelected('');
        await refresh();
      },
    }),
  );
  const removeMember = useMutation(trpc.team.removeMember.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.team.delete.mutationOptions({ onSuccess: refresh }));

  const inTeam = new Set(team.members.map((m) => m.userId));
  const candidates = workspaceMembers.filter((m) => !inTeam.has(m.userId));
  const pickerId = `team-${team.id}-add`;
  const setLead = useMutation(trpc.team.update.mutationOptions({ onSuccess: refresh }));
  const leadPickerId = `team-${team.id}-lead`;
  const memberError = addMember.error ?? removeMember.error ?? setLead.error;

  return (
    <Card className="space-y-4 p-4 sm:p-6">
      {editing ? (
        <EditTeamForm team={team} onDone={() => setEditing(false)} />
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h3 className="text-base font-semibold text-slate-900">{team.name}</h3>
            {team.description ? <p className="mt-0.5 text-sm text-slate-600">{team.description}</p> : null}
          </div>
          <div className="flex shrink-0 gap-2">
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)} aria-label={`Edit ${team.name}`}>
              Edit
            </Button>
            <ConfirmMutationDialog
              mutation={remove}
              variables={{ teamId: team.id }}
              trigger={
                <Button variant="ghost" size="sm" aria-label={`Delete ${team.name}`}>
                  Delete
                </Button>
              }
              title={`Delete ${team.name}?`}
              description="The team and its member list are removed. Nobody loses access to the workspace."
              confirmLabel="Delete team"
            />
          </div>
        </div>
      )}

      {memberError ? <Alert>{describeError(memberError).message}</Alert> : null}

      {team.members.length === 0 ? (
        <p className="text-sm text-slate-500">No members in this team yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={`Members of ${team.name}`}>
          {team.members.map((member) => (
            <li
              key={member.userId}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-1 pl-3 pr-1 text-sm text-slate-800"
            >
              {personName(member)}
              {member.userId === team.leadUserId ? <span className="text-xs text-slate-500">(lead)</span> : null}
              <button
                type="button"
                className="rounded-full px-2 text-slate-500 hover:bg-slate-200 hover:text-slate-900 disabled:opacity-50"
                aria-label={`Remove ${personName(member)} from ${team.name}`}
                disabled={removeMember.isPending}
                onClick={() => removeMember.mutate({ teamId: team.id, userId: member.userId })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}

      {team.members.length > 0 ? (
        <div className="max-w-sm">
          <label htmlFor={leadPickerId} className="mb-1 block text-sm font-medium text-slate-700">
            Team lead (alerted about tickets no agent can take and about bad satisfaction ratings)
          </label>
          <Select
            id={leadPickerId}
            value={team.leadUserId ?? ''}
            disabled={setLead.isPending}
            onChange={(e) => setLead.mutate({ teamId: team.id, leadUserId: e.target.value || null })}
          >
            <option value="">No lead (workspace admins are told)</option>
            {team.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {personName(m)}
              </option>
            ))}
          </Select>
        </div>
      ) : null}

      {candidates.length > 0 ? (
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            if (selected) addMember.mutate({ teamId: team.id, userId: selected });
          }}
        >
          <div className="flex-1">
            <label htmlFor={pickerId} className="mb-1 block text-sm font-medium text-slate-700">
              Add a member to {team.name}
            </label>
            <Select id={pickerId} value={selected} onChange={(e) => setSelected(e.target.value)}>
              <option value="">Choose a person…</option>
              {candidates.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {personName(m)}
                  {m.name ? ` (${m.email})` : ''}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary" disabled={!selected || addMember.isPending}>
            {addMember.isPending ? 'Adding…' : 'Add'}
          </Button>
        </form>
      ) : null}

      <div className="border-t border-slate-200 pt-3">
        <Button
          variant="ghost"
          size="sm"
          aria-expanded={showAssignment}
          aria-controls={`team-${team.id}-assignment`}
          onClick={() => setShowAssignment((open) => !open)}
        >
          {showAssignment ? 'Hide assignment settings' : 'Assignment policy, capacity and skills'}
        </Button>
        {showAssignment ? (
          <div id={`team-${team.id}-assignment`} className="mt-3">
            <TeamAssignmentSettings teamId={team.id} />
          </div>
        ) : null}
      </div>
    </Card>
  );
}
