// A reader of a Server-Sent Events stream over plain HTTP, as a browser's EventSource reads it,
// keeping every event so a test can wait for the next one of a kind.
export interface StreamEvent {
  event: string;
  data: string;
  at: number;
}

export interface EventStream {
  /** The next event named `name` not returned before, waiting up to `timeoutMs` for it. */
  next(name: string, timeoutMs: number): Promise<StreamEvent>;
  close(): void;
}

export async function openEventStream(url: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
  if (response.status !== 200 || !response.body) throw new Error(`The stream answered ${response.status}`);
  const events: StreamEvent[] = [];
  let taken = 0;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (key: string) => block.split('\n').find((line) => line.startsWith(`${key}: `))?.slice(key.length + 2);
          const event = field('event');
          if (event) events.push({ event, data: field('data') ?? '', at: Date.now() });
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    async next(name, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = events.findIndex((event, position) => position >= taken && event.event === name);
        if (index !== -1) {
          taken = index + 1;
          return events[index]!;
        }
        if (Date.now() > deadline) {
          throw new Error(`No '${name}' event within ${timeoutMs} ms; got: ${events.map((e) => e.event).join(', ') || 'nothing'}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => controller.abort(),
  };
}
