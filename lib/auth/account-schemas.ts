// What the setup, invitation, member and API-token forms send: one schema per
// action, shared by the forms (types, live checks) and the procedures (validation).
import { z } from "zod";
import { roleSchema } from "./roles";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

const email = z.string().trim().toLowerCase().pipe(z.email({ error: "enter an email address like ana@example.com" }));
const name = z.string().trim().min(1, { error: "enter a name" }).max(100, { error: "a name has at most 100 characters" });
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `a password has at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(MAX_PASSWORD_LENGTH, { error: `a password has at most ${MAX_PASSWORD_LENGTH} characters` });
const userId = z.string().min(1, { error: "userId is required" }).max(100);

export const setupOwnerSchema = z.object({ name, email, password });
export type SetupOwnerInput = z.infer<typeof setupOwnerSchema>;

export const createInvitationSchema = z.object({ email, role: roleSchema });
export const invitationIdSchema = z.object({ id: z.uuid({ error: "id must be an invitation id (UUID)" }) });
/** The token from an invitation link (`/invite/<token>`). */
export const invitationTokenSchema = z.object({ token: z.string().min(20, { error: "this invitation link is incomplete; copy the whole link" }).max(200) });
export const acceptInvitationSchema = invitationTokenSchema.extend({ name, password });

export const changeRoleSchema = z.object({ userId, role: roleSchema });
export const removeMemberSchema = z.object({ userId });

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, { error: "name the token (e.g. \"laptop CLI\")" }).max(100),
  role: roleSchema,
});
export const apiTokenIdSchema = z.object({ id: z.uuid({ error: "id must be an API token id (UUID)" }) });

/** Your own password: the current one, and the new one typed twice (same strength rule as sign-up). */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "enter your current password" }).max(MAX_PASSWORD_LENGTH, { error: `a password has at most ${MAX_PASSWORD_LENGTH} characters` }),
    newPassword: password,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], error: "the two new passwords differ: type the same new password twice" })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], error: "the new password is your current one: choose a different password" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** An owner creates a password reset link for another member. */
export const createPasswordResetSchema = z.object({ userId });
/** The token from a password reset link (`/reset-password/<token>`). */
export const passwordResetTokenSchema = z.object({ token: z.string().min(20, { error: "this password reset link is incomplete; copy the whole link" }).max(200) });
export const resetPasswordSchema = passwordResetTokenSchema
  .extend({ password, confirmPassword: z.string() })
  .refine((input) => input.password === input.confirmPassword, { path: ["confirmPassword"], error: "the two passwords differ: type the same new password twice" });
