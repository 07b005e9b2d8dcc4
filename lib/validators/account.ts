import { z } from 'zod';
import { passwordField } from './workspace';

export const changePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, { message: 'Enter your current password.' }).max(200),
    newPassword: passwordField,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    message: 'Choose a new password that differs from the current one.',
    path: ['newPassword'],
  });

export const revokeSessionInput = z.strictObject({ sessionId: z.string().trim().min(1).max(100) });
