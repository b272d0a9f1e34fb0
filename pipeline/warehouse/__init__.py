"""The one owner of the DuckDB files: connect and lock (connection), migrate, load, publish, and
the read side analysts use (trends, report). Every other package writes the warehouse through it."""
