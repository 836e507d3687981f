/**
 * (a) The floor: a bare restify server (the same body parser as the bot's) whose POST /api/messages parses the
 * activity and answers 200. With the argument `reply` it also posts a minimal reply to the activity's serviceUrl
 * first (what a bot must do at the least: one HTTP call to the connector, over a keep-alive agent), so the cost of
 * the reply round trip shows apart from the framework's.
 */
import http from 'node:http';
import restify, { type Request, type Response } from 'restify';
import { fail, ready, serveIpc } from '../lib/ipc';

const withReply = process.argv.includes('reply');
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function postReply(activity: any): Promise<void> {
  const body = JSON.stringify({
    type: 'message',
    text: activity.text ?? '',
    from: activity.recipient,
    recipient: activity.from,
    conversation: activity.conversation,
    replyToId: activity.id,
  });
  const url = new URL(
    `v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${encodeURIComponent(activity.id)}`,
    `${activity.serviceUrl.replace(/\/?$/, '/')}`,
  );
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`connector ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const server = restify.createServer({ name: 'floor', handleUncaughtExceptions: false });
server.use(restify.plugins.queryParser({ mapParams: false }));
server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
server.post('/api/messages', async (req: Request, res: Response) => {
  const activity = req.body;
  if (!activity || typeof activity.type !== 'string') {
    res.send(400);
    return;
  }
  if (withReply && activity.type === 'message') await postReply(activity);
  res.send(200);
});

server.listen(0, '127.0.0.1', () => {
  serveIpc({}, () => new Promise<void>((r) => server.close(() => r())));
  ready((server.address() as { port: number }).port);
});
server.on('error', fail);
