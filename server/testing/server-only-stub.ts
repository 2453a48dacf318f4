// Stand-in for the `server-only` package inside Vitest (see vitest.config.ts).
export {};
