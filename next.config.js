// Next.js configuration. Messages are wired through next-intl; everything a reader sees goes
// through lib/i18n/messages so that French, Arabic, Dari and Pashto can follow.
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Security headers, framing rules included, are set for every response in proxy.ts.
  poweredByHeader: false,
  // Responses are compressed by the server in front (scripts/serve.ts), after the reader pages'
  // HTML is rewritten there (lib/server/paint-first-response.ts).
  compress: false,
  reactStrictMode: true,
  // Node-only database drivers stay outside the server bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@electric-sql/pglite', '@node-rs/argon2'],
  // This folder is the project root, whatever lockfiles sit in folders above it.
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
  experimental: {
    // The figures CSV import uploads files of up to 20 MB through a Server Action (1 MB by
    // default); the margin covers the multipart envelope. A proxy, when one is configured,
    // buffers request bodies up to its own limit (10 MB by default): the same bound applies.
    serverActions: { bodySizeLimit: '21mb' },
    proxyClientMaxBodySize: '21mb',
  },
};

module.exports = withNextIntl(nextConfig);
