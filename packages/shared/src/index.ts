/** Public surface of @newsflow/shared: everything a service may import. */
export * from './config.ts';
export * from './errors.ts';
export * from './ids.ts';
export * from './logger.ts';
export * from './messages/index.ts';
export * from './nats/bus.ts';
export * from './nats/connect.ts';
export * from './nats/consume.ts';
export * from './nats/deadletter.ts';
export * from './nats/provision.ts';
export * from './nats/publish.ts';
export * from './process/nats-binary.ts';
export * from './process/which.ts';
export * from './shutdown.ts';
export * from './subjects.ts';
