// Seed file so the target builds before its first real test; delete when the target has one.
