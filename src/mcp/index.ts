import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpServer, type McpToolsDeps } from './tools';

/**
 * The MCP server over Streamable HTTP, stateless: every POST /mcp gets its own server and transport (no session to
 * keep, so any process of several answers any request), and answers plain JSON (no event stream is needed: the
 * tools answer at once). GET and DELETE, which a stateful server uses for its stream and its session, answer 405 as
 * the protocol allows. http/ mounts this handler after its bearer check and hands it the JSON body it read; this
 * folder is the only one importing the MCP SDK.
 */

export type McpHandler = (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<void>;

export { TOOL_NAMES } from './tools';
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
    const server = createMcpServer(deps);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };
}
