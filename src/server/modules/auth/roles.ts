/** The role codes live in src/shared so the web offers exactly the roles the server knows. */
export * from '../../../shared/roles.ts';
