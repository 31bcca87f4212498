// What the process must close before it exits: database pools, the change feed's listener.
// Modules that open such things register them here when they do; the HTTP server runs them once
// the last request has finished (scripts/serve.ts). On globalThis, since the modules live in the
// route bundles Next.js loads and the server is a separate module graph.
import type { Logger } from 'pino';

export type StopPhase = 'listeners' | 'pools';

interface StopHook {
  phase: StopPhase;
  run: () => Promise<unknown>;
}

const globalForHooks = globalThis as unknown as { serverStopHooks?: Map<string, StopHook> };

function hooks(): Map<string, StopHook> {
  globalForHooks.serverStopHooks ??= new Map();
  return globalForHooks.serverStopHooks;
}

/** Registers (or replaces) what to close on stop; `listeners` close before the `pools` they use. */
export function onServerStop(name: string, phase: StopPhase, run: () => Promise<unknown>): void {
  hooks().set(name, { phase, run });
}

/** Runs every hook, listeners first, each bounded by `timeoutMs`; never throws. */
export async function runStopHooks(logger: Logger, timeoutMs: number): Promise<void> {
  for (const phase of ['listeners', 'pools'] as const) {
    const due = [...hooks()].filter(([, hook]) => hook.phase === phase);
    await Promise.all(
      due.map(async ([name, hook]) => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
        });
        try {
          const outcome = await Promise.race([hook.run().then(() => 'closed' as const), timedOut]);
          if (outcome === 'timeout') logger.warn({ resource: name, timeoutMs }, 'did not close in time');
          else logger.debug({ resource: name }, 'closed');
        } catch (error) {
          logger.warn({ resource: name, err: error }, 'failed to close');
        } finally {
          clearTimeout(timer);
        }
      }),
    );
  }
}
