import { describe, expect, it } from "vitest";
import { hasRole, lowerRole, roles } from "./roles";

describe("roles", () => {
  it("each role can do what the roles below it can, and nothing above", () => {
    expect(roles.flatMap((role) => roles.filter((needed) => hasRole(role, needed)).map((needed) => `${role}≥${needed}`))).toEqual([
      "annotator≥annotator",
      "editor≥annotator",
      "editor≥editor",
      "owner≥annotator",
      "owner≥editor",
      "owner≥owner",
    ]);
  });

  it("a token's effective role is the lower of its scope and its user's current role", () => {
    expect(lowerRole("owner", "editor")).toBe("editor");
    expect(lowerRole("annotator", "owner")).toBe("annotator");
    expect(lowerRole("editor", "editor")).toBe("editor");
  });
});
