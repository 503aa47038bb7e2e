/** The shared password policy (src/shared), as the web uses it. */
export * from '../../shared/password-policy.ts';
