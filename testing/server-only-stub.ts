// Vitest runs server modules outside Next's server bundle, where `server-only` would throw on import.
export {};
