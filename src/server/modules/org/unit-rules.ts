/** The organisation's rules live in src/shared so the web offers exactly what the server accepts. */
export * from '../../../shared/org-rules.ts';
