"""Full-text search over the published articles and comments (SQLite FTS5, built at publish)."""
