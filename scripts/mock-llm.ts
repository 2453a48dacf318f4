// CLI for the mock LLM server (OpenAI, Anthropic, Gemini, Ollama): `npm run mock-llm -- --port 8787 --rpm 60`.
import { MockLlmArgsError, mockLlmUsage, parseMockLlmArgs } from "./mock-llm/options";
import { startMockLlm } from "./mock-llm/server";

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(mockLlmUsage);
  process.exit(0);
}

let options;
try {
  options = parseMockLlmArgs(argv);
} catch (error) {
  if (!(error instanceof MockLlmArgsError)) throw error;
  console.error(`mock-llm: ${error.message}\n\n${mockLlmUsage}`);
  process.exit(2);
}

let llm;
try {
  llm = await startMockLlm(options);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "EADDRINUSE" ? `port ${options.port} is already in use (try --port 0)` : String(error);
  console.error(`mock-llm: cannot listen: ${reason}`);
  process.exit(1);
}
console.log(
  `mock-llm listening on ${llm.url} (OpenAI and Anthropic), ${llm.urls.gemini} (Gemini), ${llm.urls.ollama} (Ollama)`,
);

const stop = (signal: NodeJS.Signals): void => {
  const { requests } = llm.stats();
  llm.close().then(
    () => {
      console.log(`mock-llm stopped on ${signal} after ${requests} requests`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error("mock-llm: error while closing", error);
      process.exit(1);
    },
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
