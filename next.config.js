// Next.js configuration. Messages are wired through next-intl; everything a reader sees goes
// through lib/i18n/messages so that French, Arabic, Dari and Pashto can follow.
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Framing: the embeds (/embed/...) are made to be shown in other sites' frames; every other
// response, pages and API alike, refuses to be framed at all (clickjacking). CSP frame-ancestors
// is the rule browsers follow; X-Frame-Options is for the older ones that only know it (a browser
// that knows both follows frame-ancestors, so DENY must not be sent with the embeds).
const EMBED_PATHS = '/embed/:path*';
// Everything but /embed and what lies under it (the negative lookahead keeps /embedded-x out of it).
const NOT_EMBED_PATHS = '/:path((?!embed(?:/|$)).*)';

const framingHeaders = [
  { source: EMBED_PATHS, headers: [{ key: 'Content-Security-Policy', value: 'frame-ancestors *' }] },
  {
    source: NOT_EMBED_PATHS,
    headers: [
      { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
      { key: 'X-Frame-Options', value: 'DENY' },
    ],
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
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
  async headers() {
    return framingHeaders;
  },
};

module.exports = withNextIntl(nextConfig);
