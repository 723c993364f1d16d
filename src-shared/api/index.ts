/** The Nevent API contract: one import point for schemas and types. */
export * from './common';
export * from './error-body';
export * from './auth';
export * from './tenants';
export * from './segments';
export * from './data-api';
export * from './analytics';
export * from './campaigns';
export * from './records';
export * from './templates';
export * from './short-urls';
export * from './paid-media';
export * from './audiences';
export * from './campaign-actions';
export * from './media';
