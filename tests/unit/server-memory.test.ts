// The allocator settings scripts/run.ts gives the server: set by default, never over a value the
// environment already has, and all left out on request.
import { describe, expect, it } from 'vitest';
import { serverMemoryEnv } from '../../scripts/server-memory';

describe('the server memory settings', () => {
  it('fixes glibc malloc\'s mmap threshold and arena count by default', () => {
    expect(serverMemoryEnv({})).toEqual({ MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_ARENA_MAX: '2' });
  });

  it('leaves a value already in the environment to it', () => {
    expect(serverMemoryEnv({ MALLOC_ARENA_MAX: '8' })).toEqual({ MALLOC_MMAP_THRESHOLD_: '131072' });
  });

  it('sets nothing with SERVER_MEMORY_DEFAULTS=off', () => {
    expect(serverMemoryEnv({ SERVER_MEMORY_DEFAULTS: 'off' })).toEqual({});
  });
});
