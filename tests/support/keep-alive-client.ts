// HTTP requests over one kept-alive connection, as a client library's connection pool sends them:
// for tests that check a refused request leaves its connection fit for the next one.
import http from 'node:http';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function keepAliveClient(baseUrl: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<unknown>();
  return {
    /** Sends `body` (a Buffer with Content-Length, or chunks sent chunked) and reads the answer. */
    post(path: string, headers: Record<string, string>, body: Buffer | Buffer[]): Promise<RawAnswer> {
      return new Promise((resolve, reject) => {
        const request = http.request(`${baseUrl}${path}`, { method: 'POST', agent, headers }, (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        });
        request.on('socket', (socket) => sockets.add(socket));
        request.setTimeout(4_000, () => request.destroy(new Error(`no answer within 4 s on ${path}`)));
        request.on('error', reject);
        if (Array.isArray(body)) for (const chunk of body) request.write(chunk);
        else request.setHeader('Content-Length', body.length);
        request.end(Array.isArray(body) ? undefined : body);
      });
    },
    /** How many connections the requests so far have used. */
    connections: () => sockets.size,
    close: () => agent.destroy(),
  };
}
