/**
 * The few places where the repository's SQL differs between SQLite and PostgreSQL. Everything else
 * (ON CONFLICT upserts, keyset pages, derived tables with an alias) is written once in the SQL
 * both accept. Placeholders are written `?`; a PostgreSQL runner numbers them.
 */
export interface SqlDialect {
  /** `x IN <list>` where the list is one bound parameter holding a JSON array of strings. */
  readonly inList: string;
  /**
   * A column in a condition that must not choose the index: SQLite's planner has no statistics
   * and picks the wrong index unless told (unary `+`); PostgreSQL's statistics choose well.
   */
  unindexed(column: string): string;
  /** The reading scope's tags on connection `p` as a JSON text array of [key, value] ordered by key; two parameters: account and region. */
  readonly tagsOfP: string;
}

export const SQLITE: SqlDialect = {
  inList: 'IN (SELECT value FROM json_each(?))',
  unindexed: (column) => `+${column}`,
  tagsOfP: '(SELECT json_group_array(json_array(key, value) ORDER BY key) FROM tags WHERE resource_id = p.id AND account_id = ? AND region = ?)',
};

export const POSTGRES: SqlDialect = {
  inList: 'IN (SELECT jsonb_array_elements_text(?::jsonb))',
  unindexed: (column) => column,
  tagsOfP: "(SELECT COALESCE(json_agg(json_build_array(key, value) ORDER BY key), '[]')::text FROM tags WHERE resource_id = p.id AND account_id = ? AND region = ?)",
};
