// The design file format as JSON Schema (`npm run cli -- schema`), for editors and other
// tools. It comes from the same zod schema, so it cannot drift; what JSON Schema cannot
// say (template variables, language codes, unique names) is still checked by `cli generate`.
import { z } from "zod";
import { expansionConfigSchema } from "@/lib/prompts";
import { datasetDesignSchema } from "./design-schema";
import { modelSchema } from "./model-schema";

type JsonObject = Record<string, unknown>;

const SCHEMA_KEY = {
  type: "string",
  description: "Where editors find this schema, e.g. \"./datafast-design.schema.json\"; ignored by datafast.",
};

// The model entry is one zod object checked by a refinement (see model-schema.ts); these
// are the refinement's rules, so editors know the two forms apart.
const MODEL_FORMS = {
  anyOf: [
    { required: ["connection"], properties: { provider: false, baseURL: false, apiKeyEnv: false, limits: false } },
    {
      required: ["provider"],
      not: { required: ["connection"] },
      if: { required: ["provider"], properties: { provider: { const: "openai-compatible" } } },
      then: { required: ["baseURL"] },
    },
  ],
};

// Every dataset type repeats these; named, they are written once under $defs.
const shared = new Map<unknown, string>([
  [modelSchema, "model"],
  [expansionConfigSchema, "expansion"],
]);

/** The global registry (so `.describe()`/`.meta()` still show) with ids for the shared schemas. */
function metadataWithIds(): typeof z.globalRegistry {
  const registry = Object.create(z.globalRegistry) as typeof z.globalRegistry;
  registry.get = (schema) => {
    const meta = z.globalRegistry.get(schema);
    const id = shared.get(schema);
    return id ? { ...meta, id } : meta;
  };
  return registry;
}

/** JSON Schema (draft 2020-12) of the design file, as `cli generate` and the UI's import read it. */
export function designJsonSchema(): JsonObject {
  const generated = z.toJSONSchema(datasetDesignSchema, {
    io: "input",
    target: "draft-2020-12",
    metadata: metadataWithIds(),
    override: (ctx) => {
      if (ctx.zodSchema === (modelSchema as unknown)) Object.assign(ctx.jsonSchema, MODEL_FORMS);
    },
  }) as JsonObject;
  const { $schema, ...rest } = generated;
  for (const branch of designBranches(rest)) {
    branch.properties = { $schema: SCHEMA_KEY, ...(branch.properties as JsonObject) };
  }
  return {
    $schema,
    title: "datafast dataset design",
    description: "A dataset design as `npm run cli -- generate <file>` takes it and the web app imports and exports it. One object per dataset type, chosen by `type`.",
    ...rest,
  };
}

/** The object schema of each dataset type (the branches of the union on `type`). */
function designBranches(schema: JsonObject): JsonObject[] {
  const branches = (schema.oneOf ?? schema.anyOf ?? [schema]) as JsonObject[];
  return branches.filter((branch) => branch.type === "object" && typeof branch.properties === "object");
}
