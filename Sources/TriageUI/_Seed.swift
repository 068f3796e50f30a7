// Seed file so the target builds before its first real source; delete when the module has one.
