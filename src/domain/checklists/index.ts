export * from './answers.ts';
export * from './catalogue.ts';
export * from './applicability.ts';
export * from './channels.ts';
export * from './evaluate.ts';
export * from './workflow.ts';
