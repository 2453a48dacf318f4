import { CompletionContext } from "@codemirror/autocomplete";
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { variableCompletions, variableCompletionSource } from "./autocomplete";
import { knownVariables } from "./variables";

const known = {
  builtins: [
    { name: "label", mandatory: true, description: "the label name" },
    { name: "language", mandatory: false, description: "the language name" },
  ],
  expansionNames: ["tone"],
};

/** `|` marks the cursor. */
function at(textWithCursor: string, explicit = false) {
  const cursor = textWithCursor.indexOf("|");
  return variableCompletions(textWithCursor.replace("|", ""), cursor, known, explicit);
}

describe("variableCompletions", () => {
  it("offers every variable right after {{, completing the slot with }}", () => {
    const result = at("Write about {{|");
    expect(result).toMatchObject({ from: 14, to: 14 });
    expect(result?.options.map((o) => [o.label, o.apply, o.detail])).toEqual([
      ["label", "label}}", "built-in · mandatory"],
      ["language", "language}}", "built-in"],
      ["tone", "tone}}", "expansion"],
    ]);
    expect(result?.options[0]?.info).toBe("Filled by the dataset type with the label name.");
  });

  it("replaces the partial name typed so far, and the rest of the name after the cursor", () => {
    expect(at("About {{ la|")).toMatchObject({ from: 9, to: 11 });
    expect(at("About {{la|bel}} now")).toMatchObject({ from: 8, to: 13 });
  });

  it("does not add }} when the slot is already closed", () => {
    expect(at("About {{|}}")?.options[0]?.apply).toBe("label");
    expect(at("About {{la| }}")?.options[0]?.apply).toBe("label");
  });

  it("offers nothing outside a slot unless asked, then whole slots", () => {
    expect(at("About lab|")).toBeNull();
    expect(at("About {{label}} |")).toBeNull();
    const explicit = at("About lab|", true);
    expect(explicit).toMatchObject({ from: 6, to: 9 });
    expect(explicit?.options[0]?.apply).toBe("{{label}}");
  });

  it("lists a name defined both ways once, as the built-in", () => {
    const result = variableCompletions("{{", 2, { ...known, expansionNames: ["label", "tone"] }, false);
    expect(result?.options.map((o) => o.label)).toEqual(["label", "language", "tone"]);
  });
});

describe("variableCompletionSource", () => {
  it("reads the known variables from the editor state", () => {
    const state = EditorState.create({ doc: "Hi {{to", extensions: knownVariables.of(known) });
    const result = variableCompletionSource(new CompletionContext(state, 7, false));
    expect(result?.from).toBe(5);
    expect(result?.options.find((o) => o.label === "tone")).toMatchObject({ apply: "tone}}", type: "variable", section: "Expansion variables" });
  });

  it("returns nothing when the type has no variables", () => {
    const state = EditorState.create({ doc: "Hi {{" });
    expect(variableCompletionSource(new CompletionContext(state, 5, false))).toBeNull();
  });
});
