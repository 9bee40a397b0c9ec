import { startPostgres } from '@newsflow/shared/testing';
const t = Date.now();
const pg = await startPostgres();
console.log(pg.url, Date.now() - t, 'ms');
const { default: p } = await import('pg');
const c = new p.Client(pg.url); await c.connect(); console.log((await c.query('select version()')).rows[0]); await c.end();
await pg.stop(); console.log('stopped', Date.now() - t);
