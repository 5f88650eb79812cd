"""monitor: a geopolitical monitoring dataset built from news articles as Dagster assets in DuckDB."""
