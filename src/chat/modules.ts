import type { ChatModule } from './router';
import { reportModule } from './report';
import { adminModule } from './admin';
import { digestModule } from './digest';
import { outputsModule } from './outputs';
import { reviewModule } from './review';
import { explainModule } from './explain';
import { mineModule } from './mine';
import { searchModule } from './search';
import { remindersModule } from './reminders';
import { planVersionsModule } from './plan-versions';
import { planUploadModule } from './plan-upload';

/** The capabilities that add intents and card actions to the chat (reports, admin, digest). */
export const chatModules: ChatModule[] = [
  reportModule,
  adminModule,
  digestModule,
  outputsModule,
  reviewModule,
  explainModule,
  mineModule,
  searchModule,
  remindersModule,
  planVersionsModule,
  planUploadModule,
];
