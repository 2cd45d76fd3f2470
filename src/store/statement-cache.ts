import type SqliteDatabase from 'better-sqlite3';

/**
 * Prepared statements by SQL text. Every text the repository uses is a constant (id lists are passed as one JSON
 * array and read with `json_each`), so the cache holds a fixed, small set and never grows with use.
 * Preparing is a large share of a small query's cost in SQLite; building SQL per call was the
 * largest share of a describe's server time when this went through a query builder.
 */
export function statementCache(sqlite: SqliteDatabase.Database, onPrepare?: (sql: string) => void): (sql: string) => SqliteDatabase.Statement {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      onPrepare?.(sql);
      stmt = sqlite.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}
