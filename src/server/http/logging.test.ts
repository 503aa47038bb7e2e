import { describe, expect, it } from 'vitest';
import { maskPersonalNumbers } from './logging.ts';

describe('log masking', () => {
  it('masks mobile and ID-card numbers in paths', () => {
    expect(maskPersonalNumbers('/api/people/13812348000')).toBe('/api/people/138****8000');
    expect(maskPersonalNumbers('/api/people/110105199001010123')).toBe('/api/people/110105********0123');
    expect(maskPersonalNumbers('/api/people/11010519900101012X')).toBe('/api/people/110105********012X');
  });

  it('leaves ordinary ids alone', () => {
    expect(maskPersonalNumbers('/api/cases/12345/sign')).toBe('/api/cases/12345/sign');
  });
});
