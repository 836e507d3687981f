import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN, ANA, LUIS } from './activities';

/**
 * A local stand-in for the Bot Connector service: records what the bot sends (replies, updates, proactive
 * posts, new conversations) and can answer faults on demand. Incoming test activities point their
 * serviceUrl at it.
 */

export interface Recorded {
  method: string;
  path: string;
  conversationId: string;
  body: any;
  at: number;
}

export type Fault = { status: number; retryAfter?: number; times?: number };

export class StandInConnector {
  readonly received: Recorded[] = [];
  private server?: http.Server;
  private faults = new Map<string, Fault[]>();
  private seq = 0;
  /** Emails Teams knows for user ids (GET …/members/{id}); others get `${id}@example.gov.co`. */
  emails: Record<string, string> = {};
  /**
   * Teams' directory as GET …/members/{userId} answers it for a Teams user id ("29:…") or an e-mail (UPN): the AAD
   * object id, the e-mail and the display name. Teams ids not listed here get the answer above (the id as AAD object
   * id); e-mails not listed here answer 404 (not a member of the conversation).
   */
  members: Record<string, { aadObjectId: string; name: string; email: string }> = {};
  /** User ids Teams does not know here: GET …/members/{id} answers 404 MemberNotFoundInConversation. */
  unknownMembers = new Set<string>();
  /** Milliseconds every answer waits (a slow connector keeps a turn in flight). */
  delayMs = 0;
  /** Answers held by `hold()` until `release()`: a turn stays in flight exactly as long as a test needs it to. */
  private held: { method: string; path: string; answer: () => void }[] | undefined;
  private heldWaiters: { n: number; filter: (r: { method: string; path: string }) => boolean; resolve: () => void }[] =
    [];
  private waiters: { n: number; filter: (r: Recorded) => boolean; resolve: () => void }[] = [];
  /** Requests that have arrived (whole body read), answered or still held by `delayMs`. */
  private arrived = 0;
  private arrivalWaiters: { n: number; resolve: () => void }[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** From now on every request is received but not answered until `release()` (an event, not a fixed wait). */
  hold(): void {
    this.held ??= [];
  }

  /** Answers the held requests, in order of arrival, and answers the next ones at once again. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const h of held) h.answer();
  }

  /** Resolves once `n` requests that match `filter` are held by `hold()` (the turns that sent them are in flight). */
  waitForHeld(n: number, filter: (r: { method: string; path: string }) => boolean = () => true): Promise<void> {
    return new Promise((resolve) => {
      this.heldWaiters.push({ n, filter, resolve });
      this.wakeHeldWaiters();
    });
  }

  private wakeHeldWaiters(): void {
    this.heldWaiters = this.heldWaiters.filter((w) =>
      (this.held ?? []).filter(w.filter).length >= w.n ? (w.resolve(), false) : true,
    );
  }

  /** The next `times` calls that touch this conversation answer `status` (e.g. 429 with Retry-After, 403, 500). */
  failFor(conversationId: string, fault: Fault): void {
    const list = this.faults.get(conversationId) ?? [];
    list.push({ times: 1, ...fault });
    this.faults.set(conversationId, list);
  }

  clear(): void {
    this.received.length = 0;
  }

  /** Activities (replies and proactive posts) sent to a conversation, in order. */
  activities(conversationId?: string): any[] {
    return this.received
      .filter(
        (r) =>
          r.method === 'POST' &&
          /\/activities/.test(r.path) &&
          (!conversationId || r.conversationId === conversationId),
      )
      .map((r) => r.body);
  }

  updates(): Recorded[] {
    return this.received.filter((r) => r.method === 'PUT');
  }

  /** Adaptive Cards the bot sent (posts and in-place updates), in order. */
  cards(conversationId?: string): any[] {
    return this.received
      .filter(
        (r) =>
          (r.method === 'POST' || r.method === 'PUT') &&
          /\/activities/.test(r.path) &&
          (!conversationId || r.conversationId === conversationId),
      )
      .flatMap((r) =>
        (r.body?.attachments ?? [])
          .filter((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')
          .map((a: any) => a.content),
      );
  }

  waitFor(n: number, filter: (r: Recorded) => boolean = () => true, timeoutMs = 10_000): Promise<void> {
    if (this.received.filter(filter).length >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () =>
          reject(new Error(`timeout waiting for ${n} connector calls (got ${this.received.filter(filter).length})`)),
        timeoutMs,
      );
      this.waiters.push({
        n,
        filter,
        resolve: () => {
          clearTimeout(t);
          resolve();
        },
      });
    });
  }

  /**
   * Resolves once `n` requests have arrived since the start, before `delayMs` holds their answers: with a delay set,
   * the bot's turn is then in flight, waiting for the connector.
   */
  waitForArrival(n = 1, timeoutMs = 10_000): Promise<void> {
    if (this.arrived >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`timeout waiting for ${n} connector requests to arrive (got ${this.arrived})`)),
        timeoutMs,
      );
      this.arrivalWaiters.push({
        n,
        resolve: () => {
          clearTimeout(t);
          resolve();
        },
      });
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      this.arrived++;
      this.arrivalWaiters = this.arrivalWaiters.filter((w) => (this.arrived >= w.n ? (w.resolve(), false) : true));
      if (this.held) {
        const path = decodeURIComponent(req.url ?? '');
        this.held.push({ method: req.method ?? 'GET', path, answer: () => this.answer(req, res, data) });
        this.wakeHeldWaiters();
      } else if (this.delayMs) setTimeout(() => this.answer(req, res, data), this.delayMs);
      else this.answer(req, res, data);
    });
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, data: string): void {
    {
      const path = decodeURIComponent(req.url ?? '');
      const m = /\/v3\/conversations\/([^/]+)/.exec(path);
      const conversationId = m ? m[1] : '';
      let body: any = undefined;
      try {
        body = data ? JSON.parse(data) : undefined;
      } catch {
        body = data;
      }
      const list = this.faults.get(conversationId);
      if (list && list.length) {
        const f = list[0];
        f.times = (f.times ?? 1) - 1;
        if (f.times <= 0) list.shift();
        this.received.push({ method: `${req.method}-FAULT-${f.status}`, path, conversationId, body, at: Date.now() });
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (f.retryAfter !== undefined) headers['Retry-After'] = String(f.retryAfter);
        res.writeHead(f.status, headers);
        res.end(JSON.stringify({ error: { code: 'Fault', message: `stand-in fault ${f.status}` } }));
        return;
      }
      this.received.push({ method: req.method ?? 'GET', path, conversationId, body, at: Date.now() });
      this.waiters = this.waiters.filter((w) => {
        if (this.received.filter(w.filter).length >= w.n) {
          w.resolve();
          return false;
        }
        return true;
      });
      const member = /\/members\//.test(path) ? decodeURIComponent(path.split('/members/')[1]) : undefined;
      // Asked by e-mail (a UPN), Teams answers only for a member of the conversation it knows (`members`).
      const unknownByEmail = member?.includes('@') && !this.members[member];
      if (req.method === 'GET' && member && (this.unknownMembers.has(member) || unknownByEmail)) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { code: 'MemberNotFoundInConversation', message: 'The member is not found in the conversation.' },
          }),
        );
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(path)) {
        res.end(JSON.stringify({ id: `new-conversation-${++this.seq}`, activityId: `a-${this.seq}` }));
      } else if (req.method === 'GET' && member && this.members[member]) {
        const m = this.members[member];
        // Asked by e-mail, Teams still gives the member's Teams id.
        const id = member.includes('@') ? `29:${m.aadObjectId}` : member;
        const [givenName, ...surname] = m.name.split(' ');
        res.end(
          JSON.stringify({
            id,
            objectId: m.aadObjectId,
            aadObjectId: m.aadObjectId,
            name: m.name,
            givenName,
            surname: surname.join(' '),
            email: m.email,
            userPrincipalName: m.email,
            tenantId: 'tenant',
            userRole: 'user',
          }),
        );
      } else if (req.method === 'GET' && /\/members\//.test(path)) {
        // The helpers' people (activities.ts) as Teams knows them; anyone else by the id alone.
        const id = path.split('/members/')[1];
        const known = [ANA, LUIS, ADMIN].find((u) => u.id === id);
        const email = this.emails[id] ?? `${id}@example.gov.co`;
        res.end(
          JSON.stringify({
            id,
            name: known?.name ?? 'Usuario',
            aadObjectId: known?.aadObjectId ?? id,
            email,
            userPrincipalName: email,
          }),
        );
      } else {
        res.end(JSON.stringify({ id: `activity-${++this.seq}` }));
      }
    }
  }
}
