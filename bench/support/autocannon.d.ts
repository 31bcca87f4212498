// autocannon ships no TypeScript types and @types/autocannon is not installed (package.json is not
// ours to change): declare only the part of its API the load benchmark reads.
declare module 'autocannon' {
  interface Percentiles {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    title?: string;
  }
  interface Result {
    latency: Percentiles;
    /** `sent` includes the requests still in flight when the run ended. */
    requests: Percentiles & { total: number; sent: number };
    throughput: Percentiles;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
    duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export = autocannon;
}
