// Decodes a Server Action request body the way Next.js does before it runs the action (its
// app-render/action-handler.js, production, Node runtime), with the same React decoder, the same
// busboy settings and the same checks on the arguments, and says only whether that succeeds. It
// runs in a worker thread because React's server decoder must load with React's server build,
// which the HTTP server's own thread does not use. Nothing an action could do is run here: a
// reference to a Server Action decodes to a function that does nothing.
import { createRequire } from 'node:module';
import Module from 'node:module';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

// The decoder requires `react` and `react-dom`: the production builds Next.js runs the server
// layer with (the production server's; the development server is not checked).
const react = require.resolve('next/dist/compiled/react/cjs/react.react-server.production.js');
const aliases = new Map([
  ['react', react],
  ['next/dist/compiled/react', react],
  ['react-dom', require.resolve('next/dist/compiled/react-dom/cjs/react-dom.react-server.production.js')],
]);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return aliases.get(request) ?? resolveFilename.call(this, request, ...rest);
};
const { createTemporaryReferenceSet, decodeReply, decodeReplyFromBusboy } = require(
  'next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-server.node.production.js',
);
const createBusboy = require('next/dist/compiled/busboy');
Module._resolveFilename = resolveFilename;

/** @type {{ actionIds: string[], fieldSizeLimit: number }} */
const { actionIds, fieldSizeLimit } = workerData;

// Next.js's server module map answers every action id of the build and throws for any other;
// React reports an id it cannot find as an error of its own. Either way the body is undecodable.
const moduleMap = Object.create(null);
const actionModule = Object.create(null);
for (const id of actionIds) {
  moduleMap[id] = { id: 'action', name: id, chunks: [], async: false };
  actionModule[id] = () => undefined;
}
globalThis.__next_require__ = () => actionModule;
globalThis.__webpack_chunk_load__ = () => Promise.resolve();

/** Next.js refuses more arguments than this before calling the action. */
const ARGUMENTS_LIMIT = 1_000;

async function decode(contentType, body) {
  const temporaryReferences = createTemporaryReferenceSet();
  if (contentType.startsWith('multipart/form-data')) {
    const busboy = createBusboy({ defParamCharset: 'utf8', headers: { 'content-type': contentType }, limits: { fieldSize: fieldSizeLimit } });
    const [, args] = await Promise.all([
      pipeline(Readable.from([body]), busboy),
      decodeReplyFromBusboy(busboy, moduleMap, { temporaryReferences }),
    ]);
    return args;
  }
  return decodeReply(body.toString('utf-8'), moduleMap, { temporaryReferences });
}

parentPort.on('message', async ({ id, contentType, body }) => {
  try {
    const args = await decode(contentType, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    if (args.length > ARGUMENTS_LIMIT) throw new Error('too many arguments');
    // What Next.js does with them next, `action.apply(null, args)`, throws for anything that is
    // not an object (a bare number or string decodes fine).
    Reflect.apply(() => undefined, null, args);
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, reason: error instanceof Error ? error.message : String(error) });
  }
});
