import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildDatasetCard, cardDesignParts, cardTags, fencedBlock, markdownInline, sizeCategory, taskCategories, yamlString, type DatasetCardInput } from "./dataset-card";

function input(overrides: Partial<DatasetCardInput> = {}): DatasetCardInput {
  return {
    repoId: "alice/support-intents",
    name: "Support intents",
    description: "Customer messages labelled by intent.",
    type: "classification",
    license: "cc-by-4.0",
    languages: ["en", "fr"],
    models: [{ model: "gpt-4o-mini", provider: "my-openai", rows: 90 }, { model: "claude-haiku-4-5", provider: null, rows: 10 }],
    templates: ["Write {{num_samples}} messages for {{label}} in {{language}} about {{product}}."],
    variables: { product: ["router", "modem"] },
    splits: [
      { name: "train", path: "data/train-00000-of-00001.parquet", rows: 90 },
      { name: "test", path: "data/test-00000-of-00001.parquet", rows: 10 },
    ],
    rowsFilter: "not_rejected",
    review: { accepted: 40, rejected: 5, pending: 60, edited: 3 },
    generatedAt: new Date("2026-11-25T10:00:00Z"),
    ...overrides,
  };
}

/** The front matter between the first two `---` lines, parsed as YAML, and the body after it. */
function split(card: string): { meta: Record<string, unknown>; body: string } {
  const match = card.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  expect(match).not.toBeNull();
  return { meta: parse(match![1]!) as Record<string, unknown>, body: match![2]! };
}

describe("dataset card front matter", () => {
  it("declares configs per split, license, languages, task categories, size and tags", () => {
    const { meta } = split(buildDatasetCard(input()));
    expect(meta).toEqual({
      pretty_name: "Support intents",
      license: "cc-by-4.0",
      language: ["en", "fr"],
      task_categories: ["text-classification"],
      size_categories: ["n<1K"],
      tags: ["synthetic", "datafast"],
      configs: [{ config_name: "default", data_files: [{ split: "train", path: "data/train-00000-of-00001.parquet" }, { split: "test", path: "data/test-00000-of-00001.parquet" }] }],
      dataset_info: { splits: [{ name: "train", num_examples: 90 }, { name: "test", num_examples: 10 }] },
    });
  });

  it("maps each dataset type to Hub task categories and tags", () => {
    expect(taskCategories("conversation")).toEqual(["text-generation"]);
    expect(taskCategories("mcq")).toEqual(["question-answering", "multiple-choice"]);
    expect(cardTags("preference")).toEqual(["synthetic", "datafast", "dpo", "preference"]);
    expect(taskCategories("reasoning")).toContain("text-generation");
  });

  it("uses the Hub's size buckets", () => {
    expect([0, 999, 1000, 9999, 10_000, 150_000, 2_000_000, 5e12].map(sizeCategory)).toEqual(["n<1K", "n<1K", "1K<n<10K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "n>1T"]);
  });

  it("keeps hostile names inside one quoted scalar: no text can end the front matter or add a key", () => {
    const hostile = 'x"\n---\nlicense: mit\n# hi: [1\u2028\u0085\ud800 \\ \' : - { } & * ! | > % @ `';
    const card = buildDatasetCard(input({ name: hostile }));
    const { meta } = split(card);
    expect(meta.pretty_name).toBe(hostile.replace("\ud800", "\ufffd"));
    expect(meta.license).toBe("cc-by-4.0");
    // Exactly two delimiter lines before the body's own horizontal rule.
    expect(card.split("\n").filter((line) => line === "---").length).toBe(3);
  });

  it("escapes with yamlString so that YAML reads back the same text", () => {
    for (const value of ["plain", "yes", "null", "123", "- item", "a: b", "#comment", "\t\r\n", "é ü 漢字 🙂", "\u007f\u0085\ufeff"]) {
      expect(parse(`key: ${yamlString(value)}`)).toEqual({ key: value });
    }
  });
});

describe("dataset card body", () => {
  it("describes type, models, templates, variables, counts and review stats", () => {
    const { body } = split(buildDatasetCard(input()));
    expect(body).toContain("# Support intents");
    expect(body).toContain("A synthetic **classification** dataset of 100 rows, generated with datafast.");
    expect(body).toContain("| gpt\\-4o\\-mini | my\\-openai | 90 |");
    expect(body).toContain("```text\nWrite {{num_samples}} messages for {{label}} in {{language}} about {{product}}.\n```");
    expect(body).toContain('**product** (2 values):\n\n```json\n[\n  "router",\n  "modem"\n]\n```');
    expect(body).toContain("| train | 90 | `data/train-00000-of-00001.parquet` |");
    expect(body).toContain("45 were reviewed by a person: 40 accepted, 5 rejected, 60 pending, 3 edited");
    expect(body).toContain("every current row except the ones a reviewer rejected");
    expect(body).toContain('load_dataset("alice/support-intents")');
    expect(body).toContain("Generated with datafast on 2026-11-25.");
  });

  it("puts templates in fences that their own backticks cannot close", () => {
    const template = "Answer in markdown:\n```\n</details><script>alert(1)</script>\n````\ndone {{label}}";
    const { body } = split(buildDatasetCard(input({ templates: [template] })));
    expect(body).toContain(`\`\`\`\`\`text\n${template}\n\`\`\`\`\``);
    expect(fencedBlock("no ticks")).toBe("```text\nno ticks\n```");
  });

  it("escapes inline user text (names, model ids) for Markdown and HTML", () => {
    expect(markdownInline("<img src=x onerror=alert(1)> [link](http://x) | *b*\n# h")).toBe("&lt;img src=x onerror=alert\\(1\\)\\> \\[link\\]\\(http://x\\) \\| \\*b\\* \\# h");
    const { body } = split(buildDatasetCard(input({ name: "<b>Name</b>", models: [{ model: "evil|model", provider: null, rows: 1 }] })));
    expect(body).toContain("# &lt;b\\>Name&lt;/b\\>");
    expect(body).toContain("| evil\\|model | — | 1 |");
    expect(body).not.toContain("<b>");
  });

  it("caps long value lists and says how many are left out", () => {
    const values = Array.from({ length: 130 }, (_, index) => `value ${index}`);
    const { body } = split(buildDatasetCard(input({ variables: { topic: values }, description: null })));
    expect(body).toContain("**topic** (130 values):");
    expect(body).toContain('"value 99"');
    expect(body).not.toContain('"value 100"');
    expect(body).toContain("… and 30 more values.");
    expect(body).not.toContain("## Description");
  });
});

describe("what the card says the rows were made from", () => {
  it("the current design first, then what older runs' designs add; unreadable parts are skipped", () => {
    const current = { templates: ["Write {{n}} {{style}} tickets."], languages: ["en"], variables: { style: ["casual"] } };
    const older = { templates: ["Write {{n}} {{tone}} tickets.", "Write {{n}} {{style}} tickets."], languages: ["en", "fr"], variables: { tone: ["polite", "blunt"], style: ["casual", "formal"] } };
    expect(cardDesignParts([current, older, null, { templates: "not a list", variables: { tone: [3, "polite"] } }])).toEqual({
      templates: ["Write {{n}} {{style}} tickets.", "Write {{n}} {{tone}} tickets."],
      languages: ["en", "fr"],
      variables: { style: ["casual", "formal"], tone: ["polite", "blunt"] },
    });
  });
});
