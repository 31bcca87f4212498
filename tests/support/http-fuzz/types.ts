// The shapes the HTTP fuzzer passes around: what it knows about the running app, one request it
// sends, and the routes it sends them to.
import type fc from 'fast-check';

export interface FuzzContext {
  appUrl: string;
  operation: string;
  /** A figure of the operation, for the corrections route and GET figures/<id>. */
  figureId: number;
  /** An editor's API token, so that requests reach validation. */
  token: string;
  /** An editor's session cookie, for the import's Server Action. */
  cookie: string;
  /** The import Server Action's id, from the build's manifest. */
  importActionId: string;
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | FormData;
  /** What is wrong with the request, for the report of a failure. */
  what: string;
  /** Over the body limit: the server may close the connection instead of answering. */
  oversized?: boolean;
  /** An event stream: read the status, then hang up. */
  stream?: boolean;
}

export interface FuzzRoute {
  name: string;
  /** How many requests this route gets in a run. */
  requests: number;
  generate: (context: FuzzContext) => fc.Arbitrary<FuzzRequest> | Promise<fc.Arbitrary<FuzzRequest>>;
}
