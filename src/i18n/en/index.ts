import type { Catalog } from '../types';
import { cards } from './cards';
import { digest } from './digest';
import { explain } from './explain';
import { http } from './http';
import { replies } from './replies';
import { report } from './report';
import { status } from './status';
import { validation } from './validation';

export const en: Catalog = { cards, explain, status, report, validation, digest, replies, http };
