import { describe, expect, it } from "vitest";
import { designDifferences, designFileName, designToText, parseDesignText } from "./design-file";
import { classificationExample } from "./examples";

const starter = classificationExample();

describe("parseDesignText", () => {
  it("reads what designToText writes", () => {
    const result = parseDesignText(designToText(starter));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.design).toMatchObject({ name: starter.name, type: starter.type, templates: starter.templates });
  });

  it("drops a top-level $schema and a byte order mark", () => {
    const result = parseDesignText(`\uFEFF${JSON.stringify({ $schema: "./datafast-design.schema.json", ...starter })}`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.design).not.toHaveProperty("$schema");
  });

  it("names the line of a JSON syntax error", () => {
    const result = parseDesignText('{\n  "name": "x",\n  "type": "classification",,\n}');
    expect(result).toMatchObject({ ok: false, kind: "json", line: 3 });
  });

  it("lists every problem with its path, like the form and the CLI", () => {
    const result = parseDesignText(JSON.stringify({ ...starter, templates: ["About {{lable}} in a {{tone}} tone."], samplesPerPrompt: 0, extra: true }));
    expect(result.ok).toBe(false);
    if (result.ok || result.kind !== "design") throw new Error("expected design issues");
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["samplesPerPrompt", "(design)"]));
    expect(result.issues.find((issue) => issue.path === "templates.0")?.message).toContain("Did you mean {{label}}");
  });

  it("rejects JSON that is not a design object", () => {
    expect(parseDesignText("[1, 2]")).toMatchObject({ ok: false, kind: "design" });
    expect(parseDesignText('{"$schema": 3, "name": "x"}')).toMatchObject({ ok: false, kind: "design" });
  });
});

describe("designToText", () => {
  it("is 2-space indented JSON ending in a newline", () => {
    expect(designToText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});

describe("designFileName", () => {
  it("makes a safe file name from the dataset name", () => {
    expect(designFileName("support-intents")).toBe("support-intents.design.json");
    expect(designFileName("Support intents: Café / FR!")).toBe("support-intents-cafe-fr.design.json");
    expect(designFileName("../../etc/passwd")).toBe("etc-passwd.design.json");
    expect(designFileName("   ")).toBe("dataset.design.json");
    expect(designFileName("日本語")).toBe("dataset.design.json");
  });
});

describe("designDifferences", () => {
  it("is empty for equal designs", () => {
    expect(designDifferences(starter, JSON.parse(JSON.stringify(starter)))).toEqual([]);
  });

  it("names each differing or one-sided field by its path", () => {
    const a = { name: "x", models: [{ model: "a" }, { model: "b" }], expansion: { mode: "random", count: 5, seed: 1 }, description: "d" };
    const b = { name: "x", models: [{ model: "a" }], expansion: { mode: "random", count: 4, seed: 1 } };
    expect(designDifferences(a, b)).toEqual(["models.1", "expansion.count", "description"]);
  });

  it("names an object none of whose fields match as a whole", () => {
    const a = { name: "x", expansion: { mode: "random", count: 5 } };
    const b = { name: "x", expansion: { mode: "combinatorial", maxPrompts: 1000 } };
    expect(designDifferences(a, b)).toEqual(["expansion"]);
  });

  it("treats an undefined field as absent", () => {
    expect(designDifferences({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
    expect(designDifferences([1], { 0: 1 })).toEqual(["(design)"]);
  });
});
