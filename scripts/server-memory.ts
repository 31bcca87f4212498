// The memory settings of the server process, set where scripts/run.ts starts it, so that
// `npm run serve`, `npm start`, the tests and the benchmarks all run the server with them.
//
// Much of what a Next.js server holds past its V8 heap is C memory (glibc's malloc) that V8 used
// while compiling the pages' code and Prisma's WebAssembly query compiler, freed but kept by the
// allocator: glibc raises its mmap threshold to the largest block ever freed (megabytes, here)
// and then serves such blocks from per-thread arenas it rarely gives back. With the threshold
// fixed at glibc's own starting value (128 kB), large blocks go back to the system when freed,
// and two arenas keep the rest together. Measured on the production server: about 20–60 MB less
// resident once it has served its first pages (README, Performance). Allocators other than
// glibc's ignore these variables.
//
// Values already in the environment win, and SERVER_MEMORY_DEFAULTS=off leaves them all out (to
// compare, or with another allocator preloaded).

export const MALLOC_DEFAULTS: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_ARENA_MAX: '2',
};

/** The variables to add to the server's environment. */
export function serverMemoryEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  if (env.SERVER_MEMORY_DEFAULTS === 'off') return {};
  return Object.fromEntries(Object.entries(MALLOC_DEFAULTS).filter(([name]) => env[name] === undefined));
}
