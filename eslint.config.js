// Lint = the project's boundaries as errors: client code never imports server
// code (types only), and there are no import cycles.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const serverImport = /^(@\/server(\/|$)|(\.\.\/)+server\/)/;

/** "use client" files (wherever they live) may import server code for types only. */
const clientNoServer = {
  meta: { type: "problem", messages: { server: 'Client code must not import "{{source}}": server code stays on the server. Import types with `import type`, or move shared code to lib/.' } },
  create(context) {
    let client = false;
    return {
      Program(node) {
        const first = node.body[0];
        client = first?.type === "ExpressionStatement" && first.directive === "use client";
      },
      ImportDeclaration(node) {
        if (!client || node.importKind === "type") return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type")) return;
        if (serverImport.test(node.source.value)) context.report({ node, messageId: "server", data: { source: node.source.value } });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".data/", "server/generated/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX, datafast: { rules: { "client-no-server": clientNoServer } } },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "datafast/client-no-server": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    files: ["components/**", "lib/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{ regex: "^(@/server|(\\.\\./)+server)(/|$)", allowTypeImports: true, message: "components/ and lib/ must not import server code (types only)." }],
      }],
    },
  },
);
