import type { NextConfig } from "next";
import { apiContentSecurityPolicy, securityHeaders } from "./lib/security/csp";

const nextConfig: NextConfig = {
  // These packages spawn processes, load native/wasm code or read files next to
  // themselves at run time, so they must stay plain Node requires, not bundles.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/client", "@prisma/adapter-pg", "unpdf"],
  poweredByHeader: false,
  typedRoutes: false,
  // Pages get their nonce-based Content-Security-Policy from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...securityHeaders] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
