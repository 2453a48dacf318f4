import "server-only";
import {
  acceptInvitationSchema,
  apiTokenIdSchema,
  changePasswordSchema,
  changeRoleSchema,
  createApiTokenSchema,
  createPasswordResetSchema,
  createInvitationSchema,
  invitationIdSchema,
  invitationTokenSchema,
  passwordResetTokenSchema,
  removeMemberSchema,
  resetPasswordSchema,
  setupOwnerSchema,
} from "@/lib/auth/account-schemas";
import { ownerSessionProcedure, publicProcedure, router, sessionProcedure } from "@/server/trpc/init";
import { acceptInvitation, createInvitation, describeInvitation, getSetupState, listInvitations, revokeInvitation, setupOwner } from "./accounts";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { changeMemberRole, listMembers, removeMember } from "./members";
import { changeOwnPassword, createPasswordReset, describePasswordReset, resetPassword } from "./passwords";

/** Before sign-in: the first owner, invitation and reset links, and who is signed in; after it, your own password. */
export const accountRouter = router({
  setupState: publicProcedure.query(({ ctx }) => getSetupState(ctx.db)),
  setupOwner: publicProcedure.input(setupOwnerSchema).mutation(({ ctx, input }) => setupOwner(ctx.db, input)),
  invitation: publicProcedure.input(invitationTokenSchema).query(({ ctx, input }) => describeInvitation(ctx.db, input.token)),
  acceptInvitation: publicProcedure.input(acceptInvitationSchema).mutation(({ ctx, input }) => acceptInvitation(ctx.db, input)),
  passwordReset: publicProcedure.input(passwordResetTokenSchema).query(({ ctx, input }) => describePasswordReset(ctx.db, input.token)),
  resetPassword: publicProcedure.input(resetPasswordSchema).mutation(({ ctx, input }) => resetPassword(ctx.db, input)),
  changePassword: sessionProcedure.input(changePasswordSchema).mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.viewer, ctx.browserSession, input)),
  /** The caller, or null: the UI shows and hides by it (the server checks every call anyway). */
  me: publicProcedure.query(({ ctx }) => (ctx.viewer ? { id: ctx.viewer.id, name: ctx.viewer.name, email: ctx.viewer.email, role: ctx.viewer.role } : null)),
});

export const membersRouter = router({
  list: ownerSessionProcedure.query(({ ctx }) => listMembers(ctx.db)),
  changeRole: ownerSessionProcedure.input(changeRoleSchema).mutation(({ ctx, input }) => changeMemberRole(ctx.db, input.userId, input.role)),
  remove: ownerSessionProcedure.input(removeMemberSchema).mutation(({ ctx, input }) => removeMember(ctx.db, input.userId)),
  invitations: ownerSessionProcedure.query(({ ctx }) => listInvitations(ctx.db)),
  invite: ownerSessionProcedure.input(createInvitationSchema).mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.viewer.id, input)),
  revokeInvitation: ownerSessionProcedure.input(invitationIdSchema).mutation(({ ctx, input }) => revokeInvitation(ctx.db, input.id)),
  createPasswordReset: ownerSessionProcedure.input(createPasswordResetSchema).mutation(({ ctx, input }) => createPasswordReset(ctx.db, ctx.viewer, input.userId)),
});

export const apiTokensRouter = router({
  list: sessionProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.viewer)),
  create: sessionProcedure.input(createApiTokenSchema).mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.viewer, input)),
  revoke: sessionProcedure.input(apiTokenIdSchema).mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.viewer, input.id)),
});
