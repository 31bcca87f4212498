// Gives the integration tests one PostgreSQL to work on.
//
// TEST_DATABASE_URL set: that server is used (CI points it at a throwaway PostgreSQL 15 cluster).
// The tests wipe its `public` schema, which is why they never read DATABASE_URL.
// Unset: an in-memory embedded PGlite server is started for the run, the same one `npm start`
// falls back to, so `npm test` needs nothing installed.
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../lib/embedded-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'postgresql' | 'embedded';
    databaseMaxConnections: number;
  }
}

let embedded: EmbeddedDatabase | undefined;

export async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('databaseUrl', external);
    project.provide('databaseKind', 'postgresql');
    project.provide('databaseMaxConnections', 10);
    console.log(`integration tests: PostgreSQL at ${new URL(external).host}`);
    return;
  }
  embedded = await startEmbeddedDatabase({ port: 0 });
  project.provide('databaseUrl', embedded.url);
  project.provide('databaseKind', 'embedded');
  project.provide('databaseMaxConnections', embedded.maxConnections);
  console.log(`integration tests: embedded PGlite at ${embedded.host}:${embedded.port}`);
}

export async function teardown() {
  await embedded?.stop();
}
