// Prisma 7 reads its CLI configuration from here. The URL is optional: `prisma generate` does not
// need a database, and our own migration runner (prisma/migrate.ts) reads it through lib/env.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
