import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkPhone, maskIdNumber, maskPersonalText, maskPhone } from './personal-data.ts';

describe('personal data', () => {
  it('masks phone and ID numbers as lists show them', () => {
    expect(maskPhone('13812348000')).toBe('138****8000');
    expect(maskIdNumber('110105199001010123')).toBe('110105********0123');
    expect(maskPhone(null)).toBeNull();
  });

  it('accepts real mobile numbers and refuses others', () => {
    expect(checkPhone('138-1234-8000')).toBe('13812348000');
    expect(() => checkPhone('12812348000')).toThrow(/11/);
    expect(() => checkPhone('1381234800')).toThrow();
  });

  it('checks the ID number’s birth date and check character (GB 11643)', () => {
    expect(checkIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(() => checkIdNumber('110105194912310021')).toThrow(); // wrong check character
    expect(() => checkIdNumber('110105194902300026')).toThrow(); // 30 February
    expect(() => checkIdNumber('11010519491231002')).toThrow();
  });
});

describe('maskPersonalText', () => {
  it('masks mobile and ID numbers inside free text and leaves other numbers', () => {
    expect(maskPersonalText('王女士 13812348000，身份证 110105199001010123，3 号楼 2 单元')).toBe(
      '王女士 138****8000，身份证 110105********0123，3 号楼 2 单元',
    );
    expect(maskPersonalText('电话 0536-6221234，订单 123456789012')).toBe(
      '电话 0536-6221234，订单 123456789012',
    );
  });
});
