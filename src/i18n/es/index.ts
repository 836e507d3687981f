import type { Catalog } from '../types';
import { cards } from './cards';
import { digest } from './digest';
import { cli } from './cli';
import { csv } from './csv';
import { explain } from './explain';
import { names } from './names';
import { reviewOutcome } from './review-outcome';
import { http } from './http';
import { replies } from './replies';
import { report } from './report';
import { status } from './status';
import { validation } from './validation';
import { operator } from './operator';
import { store } from './store';
import { mine } from './mine';
import { mcp } from './mcp';
import { tab } from './tab';
import { plan } from './plan';
import { planUpload } from './plan-upload';

export const es: Catalog = {
  cards,
  explain,
  status,
  report,
  validation,
  digest,
  replies,
  http,
  csv,
  cli,
  names,
  reviewOutcome,
  operator,
  store,
  mine,
  mcp,
  tab,
  plan,
  planUpload,
};
