// GET /api/operations/:slug/live: Server-Sent Events saying when the operation changed, so an
// open page refetches its summary instead of polling. Unknown slug: 404 JSON.
import { getOperationForView } from '@/lib/data/operation-lookup';
import { notFoundJson } from '@/lib/http/json-response';
import { unexpectedErrorResponse } from '@/lib/http/unexpected-error';
import { getChangeFeed } from '@/lib/live/change-feed';
import { EVENT_STREAM_HEADERS, operationEventStream } from '@/lib/live/event-stream';
import { serverShutdownSignal } from '@/lib/live/shutdown';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    if (!(await getOperationForView(slug))) return notFoundJson('operation');
    // Ends when the reader leaves, or when the server stops (so a deploy is not held up by it).
    const signal = AbortSignal.any([request.signal, serverShutdownSignal()]);
    const stream = operationEventStream({ feed: getChangeFeed(), operation: slug, signal });
    return new Response(stream, { headers: EVENT_STREAM_HEADERS });
  } catch (error) {
    return unexpectedErrorResponse(error, `GET live ${slug}`);
  }
}
