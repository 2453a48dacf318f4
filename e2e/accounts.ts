// The e2e owner (created by auth.setup.ts) and where its signed-in state is kept.
export const OWNER = { name: "E2E Owner", email: "owner@e2e.datafast.test", password: "e2e-owner-password-1" };
export const OWNER_STATE = "e2e/.auth/owner.json";
