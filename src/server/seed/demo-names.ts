/** Deterministic demo data: names, phones and valid ID numbers (GB 11643) from an index. */
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'.split('');
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '志强',
  '海燕',
  '国庆',
  '春梅',
  '玉兰',
  '晓东',
  '立新',
  '红霞',
  '振华',
  '文静',
  '卫东',
  '淑珍',
  '德胜',
];

export function demoName(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
}

export function demoPhone(i: number): string {
  return `139${String(53_000_000 + i * 7)
    .padStart(8, '0')
    .slice(-8)}`;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A valid resident ID number of 诸城市 (370782) with a birth date between 1965 and 2000. */
export function demoIdNumber(i: number): string {
  const birth = new Date(Date.UTC(1965, 0, 1) + ((i * 7919) % 12_775) * 86_400_000);
  const body = `370782${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, k) => total + weight * Number(body[k]), 0);
  return `${body}${CHECK[sum % 11]}`;
}
