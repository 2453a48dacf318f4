import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // These packages spawn processes, load native/wasm code or read files next to
  // themselves at run time, so they must stay plain Node requires, not bundles.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/client", "@prisma/adapter-pg", "unpdf"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
