/**
 * Refusals by the database's constraints, for use cases that let a constraint decide between
 * concurrent writers (one chain position per theme, one key per record). Reading the two drivers'
 * errors lives in db/database.ts; use cases reach it here, as they reach the database only through
 * repositories (ARCHITECTURE.md).
 */
export { uniqueViolation, type UniqueViolation } from '../database.js';
