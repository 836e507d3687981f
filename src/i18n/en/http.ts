import type { HttpStrings } from '../types/http';

export const http: HttpStrings = {
  apiDisabled: 'The read API is disabled (PEI_API_TOKEN is not set).',
  unauthorized: 'Missing or invalid access token (Authorization: Bearer …).',
  invalidYear: (got) => `year must be a YYYY year (got: ${got}).`,
  invalidQuarter: (got) => `quarter must be 1, 2, 3 or 4 (got: ${got ?? 'nothing'}).`,
  invalidAsOf: (got) => `asOf must be a valid YYYY-MM-DD date (got: ${got}).`,
  invalidIndicator: (text) => `The plan has no indicator ${text}.`,
  unknownPlan: (id) => `This server has no plan ${id}.`,
  linkExpired:
    'This download link has expired (it is valid for 15 minutes). Ask the bot for a new one with «export follow-up».',
  linkInvalid:
    'This download link is not valid (it was changed or is incomplete). Ask the bot for a new one with «export follow-up».',
  openDataOff: 'Open data is not published on this server (PEI_OPEN_DATA is not true).',
  body: {
    'unsupported-media-type': 'This service only accepts JSON bodies (Content-Type: application/json).',
    'unsupported-encoding': 'Unsupported encoding: send the body uncompressed, gzip or deflate.',
    'body-too-large': 'The request body is too large (at most 1 MB, also once decompressed).',
    'malformed-body':
      'The request body could not be read (invalid compression or UTF-8, or the connection was interrupted).',
    'invalid-json': 'The request body is not valid JSON.',
  },
  shuttingDown: 'The service is restarting; try again in a moment.',
  timeout: 'The service could not handle the request in time; try again.',
  storeUnavailable: {
    unreachable: 'the database does not answer',
    timeout: 'the database does not answer in time (locked or overloaded)',
    'read-only': 'the database takes no writes (read-only)',
    'files-replaced': "the store's files were removed or replaced; restart the bot",
    failed: 'the store takes no writes; see the bot log',
    closed: 'the store is closed',
  },
  internal: 'Internal error.',
  methodNotAllowed: (method, path, allowed) => `Method ${method} not allowed on ${path}; use ${allowed.join(' or ')}.`,
  activity: {
    type: 'The body is not a Bot Framework activity: `type` (a string) is missing.',
    serviceUrl: 'The activity has no valid `serviceUrl` (http or https): there is nowhere to reply.',
    conversation: 'The activity has no `conversation.id` (a string).',
    channelId: 'The activity has no `channelId` (a string).',
    from: 'The activity has no `from.id` (a string): the sender is unknown.',
    recipient: 'The activity has no `recipient.id` (a string).',
    invalidField: (where) => `The activity has an invalid or too long field: ${where}.`,
  },
  botUnauthorized: 'The request does not carry a valid Bot Framework authorization.',
  unsupportedInvoke: 'The bot does not handle this invoke.',
  badRequest: 'The request is not valid.',
  notFound: 'There is no such address on this service; GET / lists the available ones.',
  about: {
    description:
      'Microsoft Teams bot that follows the Strategic Institutional Plan 2024-2027 of the Secretaría General de la Alcaldía Mayor de Bogotá.',
    messages: 'Bot Framework endpoint (Teams talks to the bot here).',
    healthz: 'Liveness: {"status":"ok"}.',
    status: 'Plan status as JSON (Authorization: Bearer PEI_API_TOKEN).',
  },
  yearOutsidePlan: (from, to, year) => `The plan covers ${from}–${to}; there is no follow-up for ${year}.`,
  quarterNotStarted: (q, year, today) => `Quarter Q${q} ${year} has not started yet (today is ${today}).`,
};
