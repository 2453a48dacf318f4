// Who may call what: every tRPC procedure and every route handler has an entry
// here, and server/trpc/access-matrix.int.test.ts fails for one without — so a
// new procedure cannot ship without someone deciding its access level.
export type Access =
  /** anyone, signed in or not (setup, invitation links, health) */
  | "public"
  | "annotator"
  | "editor"
  | "owner"
  /** any role, but from a browser session: API tokens cannot manage tokens */
  | "session"
  /** owners, from a browser session */
  | "owner-session";

export const procedurePolicy: Record<string, Access> = {
  "datasets.list": "annotator",
  "datasets.get": "annotator",
  "datasets.create": "editor",
  "datasets.update": "editor",
  "datasets.plan": "editor",

  "runs.launch": "editor",
  "runs.resume": "editor",
  "runs.pause": "editor",
  "runs.cancel": "editor",
  "runs.retryFailed": "editor",
  "runs.list": "annotator",
  "runs.progress": "annotator",

  "rows.list": "annotator",
  "rows.count": "annotator",
  "rows.facets": "annotator",

  "reviews.get": "annotator",
  "reviews.neighbours": "annotator",
  "reviews.position": "annotator",
  "reviews.lineage": "annotator",
  "reviews.setStatus": "annotator",
  "reviews.edit": "annotator",
  "reviews.setLabels": "annotator",
  "reviews.rate": "annotator",
  "reviews.comment": "annotator",
  "reviews.bulkCount": "annotator",
  "reviews.bulk": "annotator",
  "reviews.undo": "annotator",
  "reviews.history": "annotator",

  "insights.regenerationEstimate": "editor",
  "insights.regenerate": "editor",
  "insights.rowVersions": "annotator",
  "insights.progress": "annotator",
  "insights.reviewerProgress": "annotator",
  "insights.stats": "annotator",
  "insights.coverage": "annotator",
  "insights.topUp": "editor",
  "insights.scanDuplicates": "editor",
  "insights.duplicateScan": "annotator",
  "insights.duplicateGroups": "annotator",
  "insights.keepOne": "annotator",

  // Editors pick models from the connection names; keys, limits and tests are the owner's.
  "connections.list": "editor",
  "connections.get": "owner",
  "connections.create": "owner",
  "connections.update": "owner",
  "connections.delete": "owner",
  "connections.test": "owner",

  "prices.list": "editor",
  "prices.set": "owner",
  "prices.reset": "owner",

  "sources.limits": "editor",
  "sources.list": "editor",
  "sources.get": "editor",
  "sources.delete": "editor",
  "sources.fetchHubSample": "editor",
  "sources.previewColumns": "editor",

  "previews.discard": "editor",
  "previews.promote": "editor",

  "exports.count": "editor",
  "hub.pushes": "editor",
  "hub.push": "editor",
  "argilla.connections": "editor",
  "argilla.workspaces": "editor",
  "argilla.status": "editor",
  "argilla.push": "editor",
  "argilla.pull": "editor",

  // Editors choose a Hub or Argilla connection by name when exporting; tokens, tests and changes are the owner's.
  "integrations.list": "editor",
  "integrations.get": "owner",
  "integrations.create": "owner",
  "integrations.update": "owner",
  "integrations.delete": "owner",
  "integrations.test": "owner",

  "account.setupState": "public",
  "account.setupOwner": "public",
  "account.invitation": "public",
  "account.acceptInvitation": "public",
  "account.me": "public",
  "account.passwordReset": "public",
  "account.resetPassword": "public",
  "account.changePassword": "session",

  "members.list": "owner-session",
  "members.changeRole": "owner-session",
  "members.remove": "owner-session",
  "members.invitations": "owner-session",
  "members.invite": "owner-session",
  "members.revokeInvitation": "owner-session",
  "members.createPasswordReset": "owner-session",

  "apiTokens.list": "session",
  "apiTokens.create": "session",
  "apiTokens.revoke": "session",
};

/** Route handlers, by file under app/api and HTTP method. `/api/trpc` is covered procedure by procedure above. */
export const routePolicy: Record<string, Access | "per-procedure"> = {
  "health/route.ts GET": "public",
  "auth/[...all]/route.ts GET": "public",
  "auth/[...all]/route.ts POST": "public",
  "trpc/[trpc]/route.ts GET": "per-procedure",
  "trpc/[trpc]/route.ts POST": "per-procedure",
  "exports/[id]/route.ts GET": "editor",
  "preview/route.ts POST": "editor",
  "sources/route.ts POST": "editor",
};
