// Starter designs: what "New dataset" pre-fills, what `npm run cli -- example
// <type>` prints and what the tests run. They point at the bundled mock LLM
// (npm run mock-llm) so they work offline.
import type { DatasetDesignInput, DatasetTypeName, DesignInputOfType } from "./design-schema";

export const MOCK_LLM_BASE_URL = "http://127.0.0.1:8787/v1";

function mockModel(baseURL: string) {
  return { provider: "openai-compatible" as const, baseURL, model: "mock-1", apiKeyEnv: "MOCK_API_KEY", limits: { rpm: 600, concurrency: 64 } };
}

export function classificationExample(baseURL = MOCK_LLM_BASE_URL): DesignInputOfType<"classification"> {
  return {
    name: "support-intents",
    type: "classification",
    languages: ["en"],
    models: [mockModel(baseURL)],
    labels: [
      { name: "billing", description: "Questions about invoices and payments" },
      { name: "bug", description: "Reports that something is broken" },
    ],
    templates: ["Write {{num_samples}} short {{language}} customer messages about {{label}} ({{label_description}}) in a {{tone}} tone."],
    variables: { tone: ["angry", "polite"] },
    expansion: { mode: "combinatorial" },
    samplesPerPrompt: 5,
  };
}

export function textExample(baseURL = MOCK_LLM_BASE_URL): DesignInputOfType<"text"> {
  return {
    name: "product-texts",
    type: "text",
    languages: ["en"],
    models: [mockModel(baseURL)],
    documentTypes: ["product review", "support email"],
    topics: ["wireless headphones", "a coffee machine"],
    templates: ["Write {{num_samples}} realistic {{language}} texts of this kind: {{document_type}}, about {{topic}}. Vary length and tone."],
    samplesPerPrompt: 3,
  };
}

export function conversationExample(baseURL = MOCK_LLM_BASE_URL): DesignInputOfType<"conversation"> {
  return {
    name: "bank-support-chats",
    type: "conversation",
    languages: ["en"],
    models: [mockModel(baseURL)],
    domain: "customer support for an online bank",
    topics: [
      { name: "cards", subtopics: ["lost card", "card declined abroad"] },
      { name: "transfers", subtopics: [] },
    ],
    personas: ["a retired teacher who is not comfortable with apps", "a busy freelance designer"],
    maxTurns: 3,
    continuationProbability: 0.5,
    templates: ["Write {{num_samples}} different opening questions a customer could ask {{domain}} about {{topic}} ({{subtopic}}), in {{language}}."],
    samplesPerPrompt: 2,
  };
}

const SAMPLE_DOCUMENTS = [
  { title: "Photosynthesis", text: "Photosynthesis is the process by which green plants use sunlight, water and carbon dioxide to make glucose and release oxygen. It takes place mainly in the chloroplasts of leaf cells, where chlorophyll absorbs light." },
  { title: "The water cycle", text: "Water evaporates from oceans and lakes, condenses into clouds as it cools, and falls back as precipitation. Rivers and groundwater carry it back to the sea, and the cycle repeats, driven by the sun's energy." },
];

export function mcqExample(baseURL = MOCK_LLM_BASE_URL): DesignInputOfType<"mcq"> {
  return {
    name: "science-quiz",
    type: "mcq",
    languages: ["en"],
    models: [mockModel(baseURL)],
    source: { records: SAMPLE_DOCUMENTS, textColumn: "text", contextColumn: "title", minLength: 50, maxLength: 5000 },
    templates: ["Read this document about {{context}} and write {{num_samples}} multiple-choice questions in {{language}}, each with its single correct answer taken from the document.\n\n{{document}}"],
    samplesPerPrompt: 2,
  };
}

export function preferenceExample(baseURL = MOCK_LLM_BASE_URL): DesignInputOfType<"preference"> {
  return {
    name: "cooking-preferences",
    type: "preference",
    languages: ["en"],
    models: [mockModel(baseURL)],
    topics: ["baking bread at home", "cooking rice"],
    evolInstruct: { rounds: 1, strategies: ["deepen", "concretize"] },
    judge: { enabled: true },
    templates: ["Write {{num_samples}} instructions or questions a home cook could ask an assistant about {{topic}}, in {{language}}."],
    samplesPerPrompt: 2,
  };
}

export function reasoningExample(baseURL = MOCK_LLM_BASE_URL): DesignInputOfType<"reasoning"> {
  return {
    name: "math-word-problems",
    type: "reasoning",
    languages: ["en"],
    models: [mockModel(baseURL)],
    topics: ["percentages", "train timetables"],
    judge: { enabled: true },
    templates: ["Write {{num_samples}} self-contained word problems about {{topic}} that need several reasoning steps, in {{language}}. Each has one exact answer."],
    samplesPerPrompt: 2,
  };
}

export function transformExample(baseURL = MOCK_LLM_BASE_URL): DesignInputOfType<"transform"> {
  return {
    name: "review-sentiment",
    type: "transform",
    languages: ["en"],
    models: [mockModel(baseURL)],
    source: {
      records: [
        { id: 1, review: "The battery lasts two days and the sound is great." },
        { id: 2, review: "Stopped working after a week; support never answered." },
        { id: 3, review: "Does the job, nothing special for the price." },
      ],
      textColumn: "review",
    },
    templates: ["Read this product review and describe its sentiment and main topic.\n\nReview: {{review}}"],
    outputFields: [
      { name: "sentiment", type: "enum", values: ["positive", "negative", "mixed"], description: "the overall sentiment" },
      { name: "topic", type: "string", description: "the main topic in a few words" },
      { name: "score", type: "number", description: "satisfaction from 1 to 5" },
    ],
  };
}

export const starterDesigns: { [T in DatasetTypeName]: (baseURL?: string) => DesignInputOfType<T> } = {
  classification: classificationExample,
  text: textExample,
  conversation: conversationExample,
  mcq: mcqExample,
  preference: preferenceExample,
  reasoning: reasoningExample,
  transform: transformExample,
};

export function starterDesign(type: DatasetTypeName, baseURL?: string): DatasetDesignInput {
  return starterDesigns[type](baseURL);
}
