/** Test helpers: throwaway real servers and small utilities. Not for production code. */
export * from './free-port.ts';
export * from './namespace.ts';
export * from './nats-auth.ts';
export * from './nats-server.ts';
export * from './postgres.ts';
export * from './silent-logger.ts';
export * from './stream-read.ts';
export * from './wait.ts';
