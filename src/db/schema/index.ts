// The whole database schema: one file per aggregate. drizzle-kit reads this file
// (drizzle.config.ts) and the client passes it to Drizzle for typed queries.
export * from './territories.ts';
export * from './authorities.ts';
export * from './organizations.ts';
export * from './users.ts';
export * from './files.ts';
export * from './campaigns.ts';
export * from './audit.ts';
export * from './survey.ts';
export * from './mail.ts';
export * from './survey-reminders.ts';
export * from './monitor.ts';
export * from './checklists.ts';
export * from './results.ts';
export * from './feedback.ts';
