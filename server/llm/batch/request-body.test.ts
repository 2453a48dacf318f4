import { describe, expect, it } from "vitest";
import { z } from "zod";
import { modelRefSchema, type ModelRef } from "../model-ref";
import { batchRequestOf } from "./request-body";

const schema = z.object({ texts: z.array(z.string()).length(2) });
const call = { system: "You generate data.", prompt: "Write 2 texts.", schema };
const refOf = (kind: ModelRef["kind"], model: string, parameters = {}) => modelRefSchema.parse({ connectionId: "c1", kind, model, parameters });

describe("batchRequestOf", () => {
  it("OpenAI: the chat completion body the online call sends, with a strict json_schema response format", async () => {
    const request = await batchRequestOf(refOf("openai", "gpt-4o-mini", { temperature: 0.2, maxOutputTokens: 300 }), "item-1", call);
    expect(request.customId).toBe("item-1");
    expect(request.body).toMatchObject({
      model: "gpt-4o-mini", temperature: 0.2, max_tokens: 300,
      messages: [{ role: "system", content: "You generate data." }, { role: "user", content: "Write 2 texts." }],
      response_format: { type: "json_schema", json_schema: { strict: true, schema: { type: "object", required: ["texts"], additionalProperties: false } } },
    });
    expect(request.body).not.toHaveProperty("stream");
  });

  it("Anthropic, a model without native structured output: a forced json tool whose input schema is the schema", async () => {
    const request = await batchRequestOf(refOf("anthropic", "mock-1"), "item-2", call);
    expect(request.body).toMatchObject({
      model: "mock-1", system: [{ type: "text", text: "You generate data." }],
      tools: [{ name: "json", input_schema: { type: "object", required: ["texts"] } }],
      tool_choice: { type: "any" },
    });
    expect(typeof request.body.max_tokens).toBe("number");
  });

  it("Anthropic, a current Claude model: the native output format, as online", async () => {
    const request = await batchRequestOf(refOf("anthropic", "claude-sonnet-4-5"), "item-3", call);
    expect(request.body).toMatchObject({ output_config: { format: { type: "json_schema", schema: { type: "object" } } } });
    expect(request.body).not.toHaveProperty("tools");
  });
});
