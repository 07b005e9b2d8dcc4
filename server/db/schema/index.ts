export * from './tenants';
export * from './users';
export * from './memberships';
export * from './customers';
export * from './outbox';
export * from './tickets';
export * from './help-center';
export * from './notifications';
