'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { formErrors } from '@/components/ui/form-errors';
import { EmailInput, Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useTRPC } from '@/lib/trpc/client';
import { ROLE_HINTS, ROLE_LABELS } from './role-labels';

const INVITABLE_ROLES = ['agent', 'admin', 'viewer'] as const;
type InvitableRole = (typeof INVITABLE_ROLES)[number];
const FIELDS = ['email', 'role'] as const;

export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InvitableRole>('agent');
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: async () => {
        setEmail('');
        await queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() });
      },
    }),
  );
  const errors = formErrors(invite.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    invite.mutate({ email, role });
  }

  return (
    <Card className="space-y-4">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
        <Field id="invite-email" label="Email" error={errors.fields.email}>
          <EmailInput
            id="invite-email"
            autoComplete="off"
            required
            placeholder="teammate@example.com"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={Boolean(errors.fields.email)}
            aria-describedby={errors.fields.email ? 'invite-email-error' : undefined}
          />
        </Field>
        <Field id="invite-role" label="Role" hint={ROLE_HINTS[role]} error={errors.fields.role}>
          <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as InvitableRole)}>
            {INVITABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" className="sm:mt-6" disabled={invite.isPending}>
          {invite.isPending ? <Spinner label="Sending invitation" /> : null}
          Send invitation
        </Button>
      </form>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      {invite.data ? (
        <Alert tone="success">
          <p>
            Invitation sent to <strong>{invite.data.email}</strong>. The email is on its way; you can also share this
            link with them directly. It works once and expires in 7 days.
          </p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row">
            <Input
              readOnly
              aria-label="Invitation link"
              value={invite.data.inviteUrl}
              onFocus={(e) => e.currentTarget.select()}
              className="font-mono text-xs"
            />
            <CopyButton value={invite.data.inviteUrl} label="Copy link" />
          </div>
        </Alert>
      ) : null}
    </Card>
  );
}
