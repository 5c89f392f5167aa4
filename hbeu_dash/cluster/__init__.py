"""Running several servers: a throwaway PostgreSQL, replicas, the proxy.

May import: the store (its migrations), settings, paths, i18n. Only the command line imports it."""
