import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Transport from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type * as Tools from './tools';
import type { McpToolsDeps } from './tools';

/**
 * The MCP server over Streamable HTTP, stateless: every POST /mcp gets its own server and transport (no session to
 * keep, so any process of several answers any request), and answers plain JSON (no event stream is needed: the
 * tools answer at once). GET and DELETE, which a stateful server uses for its stream and its session, answer 405 as
 * the protocol allows. http/ mounts this handler after its bearer check and hands it the JSON body it read; this
 * folder is the only one importing the MCP SDK.
 *
 * The SDK and the tools are loaded at the first POST, not at the bot's start: most processes never get an MCP
 * request (no PEI_API_TOKEN, or nobody asking), and the SDK with what it brings (its own zod, ajv, hono) is about
 * 9 MB of the bot's heap (measured: `startBot`'s modules alone, 78.5 MB in use with it, 69.7 MB without; see
 * docs/benchmarks.md, «Memory after the load»). Node keeps them loaded after the first call.
 */
function loadSdk(): { Transport: typeof Transport; Tools: typeof Tools } {
  /* eslint-disable @typescript-eslint/no-require-imports -- a lazy load, on purpose (see above) */
  return {
    Transport: require('@modelcontextprotocol/sdk/server/streamableHttp.js') as typeof Transport,
    Tools: require('./tools') as typeof Tools,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export type McpHandler = (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<void>;

export type { McpToolsDeps } from './tools';

export function createMcpHandler(deps: McpToolsDeps): McpHandler {
  return async (req, res, body) => {
    if (req.method !== 'POST') {
      const payload = JSON.stringify({
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Method not allowed: this MCP server is stateless (POST only).' },
        id: null,
      });
      res.writeHead(405, {
        Allow: 'POST',
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(payload)),
      });
      res.end(payload);
      return;
    }
    const { Transport, Tools } = loadSdk();
    const server = Tools.createMcpServer(deps);
    const transport = new Transport.StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };
}
