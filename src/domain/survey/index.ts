// The survey of service recipients: questionnaire, skip logic, validity, counts for scoring.
export * from './questionnaire.ts';
export * from './validate.ts';
export * from './counts.ts';
export * from './form.ts';
