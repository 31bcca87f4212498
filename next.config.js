// Next.js configuration. Messages are wired through next-intl; everything a reader sees goes
// through lib/i18n/messages so that French, Arabic, Dari and Pashto can follow.
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Node-only database drivers stay outside the server bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@electric-sql/pglite', '@node-rs/argon2'],
  // This folder is the project root, whatever lockfiles sit in folders above it.
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
};

module.exports = withNextIntl(nextConfig);
