// Sends the fuzzer's requests with bounded concurrency and checks every answer: never a 5xx, a
// refusal is JSON or HTML without a stack trace. Keeps a histogram of statuses per route.
import type { FuzzRequest } from './types';

export interface Failure {
  route: string;
  request: FuzzRequest;
  status: number | string;
  body: string;
}

export interface FuzzReport {
  sent: number;
  /** Status (or "connection closed") → count, over all routes. */
  statuses: Map<string, number>;
  byRoute: Map<string, Map<string, number>>;
  failures: Failure[];
}

/** A stack frame, a server path or a module path: what a reader of an error must never see. */
const STACK_TRACE = /\n\s+at .+:\d+:\d+|node_modules|\.next\/server|webpack-internal|\bat (async )?[\w.]+ \(/;

function describeFailure(route: string, request: FuzzRequest, status: number | string, body: string): Failure {
  const shown = typeof request.body === 'string' ? request.body.slice(0, 300) : request.body instanceof Uint8Array ? `<${request.body.length} bytes>` : request.body ? '<form data>' : '';
  return { route, request: { ...request, body: shown }, status, body: body.slice(0, 500) };
}

async function send(appUrl: string, route: string, request: FuzzRequest, report: FuzzReport): Promise<void> {
  const count = (status: string) => {
    report.statuses.set(status, (report.statuses.get(status) ?? 0) + 1);
    const routeStatuses = report.byRoute.get(route) ?? new Map<string, number>();
    routeStatuses.set(status, (routeStatuses.get(status) ?? 0) + 1);
    report.byRoute.set(route, routeStatuses);
  };
  let response: Response;
  try {
    response = await fetch(`${appUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body as BodyInit | undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    // Past the body limit the server may close the connection before the client is done sending.
    count(request.oversized ? 'connection closed' : 'network error');
    if (!request.oversized) report.failures.push(describeFailure(route, request, `network error: ${String((error as Error).cause ?? error)}`, ''));
    return;
  }
  count(String(response.status));
  const refused = response.status >= 400;
  if (request.stream && !refused) {
    await response.body?.cancel();
    return;
  }
  // Successful reads (a CSV file, a summary) are not the subject: only refusals are read whole.
  if (!refused) {
    await response.body?.cancel();
    return;
  }
  const body = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (response.status >= 500) {
    report.failures.push(describeFailure(route, request, response.status, body));
  } else if (body !== '' && !/json|html/.test(type)) {
    report.failures.push(describeFailure(route, request, `${response.status} as ${type || 'no content type'}`, body));
  } else if (STACK_TRACE.test(body)) {
    report.failures.push(describeFailure(route, request, `${response.status} with a stack trace`, body));
  }
}

/** Runs every request, `concurrency` at a time. */
export async function runFuzz(appUrl: string, requests: { route: string; request: FuzzRequest }[], concurrency: number): Promise<FuzzReport> {
  const report: FuzzReport = { sent: 0, statuses: new Map(), byRoute: new Map(), failures: [] };
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const { route, request } = requests[next++]!;
      await send(appUrl, route, request, report);
      report.sent += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return report;
}

export function formatReport(report: FuzzReport): string {
  const histogram = (statuses: Map<string, number>) => [...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status}: ${n}`).join(', ');
  const lines = [`${report.sent} malformed requests; statuses: ${histogram(report.statuses)}`];
  for (const [route, statuses] of report.byRoute) lines.push(`  ${route}: ${histogram(statuses)}`);
  return lines.join('\n');
}

/** The failures grouped by route and status, with one request of each group shown whole. */
export function formatFailures(failures: Failure[]): string {
  const groups = new Map<string, Failure[]>();
  for (const failure of failures) {
    const key = `${failure.route} → ${failure.status}`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  return [...groups]
    .map(([key, [first, ...rest]]) => `${key} (${rest.length + 1}×), e.g. ${JSON.stringify({ ...first!.request, answer: first!.body })}`)
    .join('\n');
}
