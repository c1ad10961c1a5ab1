import pg from 'pg';

let counter = 0;

/** A fresh, empty PostgreSQL database on the test cluster; returns its URL. */
export async function freshPostgresDatabase(adminUrl: string): Promise<string> {
  const name = `t_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
