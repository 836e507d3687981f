/** Digest and reminders: composition (pure), the schedule (pure), and one run of what is due (store + injected sender). */
export * from './compose';
export * from './reminders';
export * from './schedule';
export * from './run';
