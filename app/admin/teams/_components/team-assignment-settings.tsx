'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { SkeletonList } from '@/components/ui/skeleton';
import { ASSIGNMENT_POLICIES, ASSIGNMENT_POLICY_LABELS, type AssignmentPolicy } from '@/lib/constants/assignment';
import { useTRPC } from '@/lib/trpc/client';

const POLICY_HINTS: Record<AssignmentPolicy, string> = {
  manual: 'New tickets wait in the team queue for someone to take them.',
  round_robin: 'Each available agent in turn.',
  least_loaded: 'The available agent with the lightest open work (urgent counts 4, high 3, normal 2, low 1).',
  skills: 'Agents covering the ticket’s tags or category and speaking its language, least loaded first.',
};

const splitWords = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

type Agent = {
  userId: string;
  name: string;
  email: string;
  availability: 'available' | 'away';
  capacity: number;
  openCount: number;
  skills: string[];
  languages: string[];
};

function AgentRow({ agent, teamId }: { agent: Agent; teamId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [capacity, setCapacity] = useState(String(agent.capacity));
  const [skills, setSkills] = useState(agent.skills.join(', '));
  const [languages, setLanguages] = useState(agent.languages.join(', '));
  const save = useMutation(
    trpc.assignment.updateAgent.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.assignment.team.queryKey({ teamId }) }),
    }),
  );
  const errors = formErrors(save.error, ['capacity', 'skills', 'languages'] as const);
  const prefix = `agent-${teamId}-${agent.userId}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({
      userId: agent.userId,
      capacity: Number(capacity),
      skills: splitWords(skills),
      languages: splitWords(languages),
    });
  }

  return (
    <li className="rounded-md border border-slate-200 p-3">
      <form onSubmit={onSubmit} noValidate className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900">{agent.name || agent.email}</span>
          <Badge tone={agent.availability === 'available' ? 'success' : 'neutral'}>
            {agent.availability === 'available' ? 'Available' : 'Away'}
          </Badge>
          <span className="text-xs text-slate-500">
            {agent.openCount} open of {agent.capacity}
          </span>
        </div>
        {errors.message ? <ErrorAlert error={save.error} /> : null}
        <div className="grid gap-2 sm:grid-cols-[7rem_1fr_1fr_auto] sm:items-end">
          <Field id={`${prefix}-capacity`} label="Capacity" error={errors.fields.capacity}>
            <Input
              id={`${prefix}-capacity`}
              type="number"
              min={1}
              max={500}
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              aria-invalid={Boolean(errors.fields.capacity)}
            />
          </Field>
          <Field id={`${prefix}-skills`} label="Skills (tags, categories)" error={errors.fields.skills}>
            <Input
              id={`${prefix}-skills`}
              value={skills}
              placeholder="billing, refunds"
              onChange={(e) => setSkills(e.target.value)}
            />
          </Field>
          <Field id={`${prefix}-languages`} label="Languages" error={errors.fields.languages}>
            <Input
              id={`${prefix}-languages`}
              value={languages}
              placeholder="en, de"
              onChange={(e) => setLanguages(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="secondary" size="sm" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : save.isSuccess ? 'Saved' : 'Save'}
          </Button>
        </div>
      </form>
    </li>
  );
}

function PolicyForm({
  teamId,
  initial,
}: {
  teamId: string;
  initial: { policy: AssignmentPolicy; preferPreviousAgent: boolean };
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [policy, setPolicy] = useState(initial.policy);
  const [preferPrevious, setPreferPrevious] = useState(initial.preferPreviousAgent);
  const save = useMutation(
    trpc.assignment.updateTeam.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.assignment.team.queryKey({ teamId }), data),
    }),
  );
  const prefix = `assignment-${teamId}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ teamId, policy, preferPreviousAgent: preferPrevious });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${prefix}-policy`} label="Assignment policy" hint={POLICY_HINTS[policy]}>
          <Select
            id={`${prefix}-policy`}
            value={policy}
            onChange={(e) => setPolicy(e.target.value as AssignmentPolicy)}
          >
            {ASSIGNMENT_POLICIES.map((p) => (
              <option key={p} value={p}>
                {ASSIGNMENT_POLICY_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          className="mt-1"
          checked={preferPrevious}
          onChange={(e) => setPreferPrevious(e.target.checked)}
        />
        <span>
          Previous interactions: a returning customer’s ticket goes to the agent who last solved theirs, when that agent
          is available and has room.
        </span>
      </label>
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save assignment'}
        </Button>
      </div>
    </form>
  );
}

/** A team's assignment policy and its agents' capacity and skills (Admin → Teams, inside each team). */
export function TeamAssignmentSettings({ teamId }: { teamId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.assignment.team.queryOptions({ teamId }));
  if (query.isPending) return <SkeletonList rows={2} label="Loading the assignment settings" />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  return (
    <div className="space-y-4">
      <PolicyForm key={`${data.policy}-${data.preferPreviousAgent}`} teamId={teamId} initial={data} />
      {data.agents.length ? (
        <ul className="space-y-2" aria-label="Agents’ capacity and skills">
          {data.agents.map((agent) => (
            <AgentRow key={agent.userId} agent={agent} teamId={teamId} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">Add members to the team to set their capacity and skills.</p>
      )}
    </div>
  );
}
