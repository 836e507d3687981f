import type { ChatModule } from './router';

/** The capabilities that add intents and card actions to the chat (reports, admin, digest). */
export const chatModules: ChatModule[] = [];
