"""Running several servers: a throwaway PostgreSQL, replicas, the proxy."""
