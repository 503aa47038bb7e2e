import type { SlaClass } from './routing.tables.ts';

export interface CatalogueEntry {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  slaClass: SlaClass | null;
  keywords: string;
}

type Leaf = [code: string, nameZh: string, nameEn: string, sla: SlaClass, keywords?: string];
type Branch = [code: string, nameZh: string, nameEn: string, leaves: Leaf[]];

/**
 * The shipped category catalogue: the matters of seed 003 (C2: water, power, gas,
 * heating, landscaping, sanitation, environment, legal aid, work safety, buses, taxis,
 * telecom, cable TV, public management and services, disputes, safety hazards, complex
 * and sudden matters) and the event classes of the 数字城管 standards (市容环境, 宣传广告,
 * 施工管理, 街面秩序, 突发事件, 其他). SLA classes follow C9/C10: the livelihood matters
 * (water, power, heating, gas) arrive within 1 h. Migration 0006 inserts exactly this
 * list (a test compares them); later changes go through the routing module.
 */
const TREE: Branch[] = [
  [
    'utility',
    '公用事业',
    'Public utilities',
    [
      ['utility.water', '供水', 'Water supply', 'livelihood', '停水 水管 漏水 自来水'],
      ['utility.power', '供电', 'Power supply', 'livelihood', '停电 电线 电表'],
      ['utility.gas', '燃气', 'Gas', 'livelihood', '煤气 天然气 漏气'],
      ['utility.heating', '供暖', 'Heating', 'livelihood', '暖气 供热 不热'],
      ['utility.telecom', '网络通讯', 'Telecom and network', 'general', '宽带 信号 电话'],
      ['utility.cable_tv', '有线电视', 'Cable TV', 'general', '电视 信号'],
    ],
  ],
  [
    'transport',
    '公共交通',
    'Public transport',
    [
      ['transport.bus', '公交车', 'Buses', 'general', '公交 站牌 线路'],
      ['transport.taxi', '出租车', 'Taxis', 'general', '出租 拒载'],
    ],
  ],
  [
    'environment',
    '环境卫生',
    'Environment and sanitation',
    [
      ['environment.landscaping', '园林绿化', 'Landscaping', 'general', '树木 绿化 草坪'],
      ['environment.sanitation', '环卫保洁', 'Sanitation', 'simple', '垃圾 保洁 公厕'],
      ['environment.pollution', '环境保护', 'Environmental protection', 'general', '污染 噪音 排污 油烟'],
    ],
  ],
  [
    'safety',
    '安全隐患',
    'Safety',
    [
      ['safety.work', '安全生产', 'Work safety', 'complex', '企业 生产 事故'],
      ['safety.hazard', '安全隐患', 'Safety hazards', 'simple', '隐患 井盖 消防'],
      ['safety.housing', '房屋安全', 'Housing safety', 'general', '危房 裂缝'],
    ],
  ],
  [
    'dispute',
    '矛盾纠纷',
    'Disputes',
    [
      ['dispute.neighbour', '邻里纠纷', 'Neighbour disputes', 'general', '邻居 吵架'],
      ['dispute.labour', '劳资纠纷', 'Labour disputes', 'complex', '欠薪 工资'],
      ['dispute.land', '土地纠纷', 'Land disputes', 'complex', '宅基地 承包地'],
      ['dispute.property', '物业纠纷', 'Property management disputes', 'general', '物业 小区'],
    ],
  ],
  [
    'service',
    '公共服务',
    'Public services',
    [
      ['service.legal_aid', '法律援助', 'Legal aid', 'general', '法律 律师 援助'],
      ['service.social', '社会保障', 'Social security', 'general', '低保 养老 医保'],
      ['service.other', '其他公共服务', 'Other public services', 'general'],
    ],
  ],
  [
    'management',
    '公共管理',
    'Public management',
    [
      ['management.public', '公共管理', 'Public management', 'general'],
      ['management.complex', '复杂疑难事项', 'Complex matters beyond a township', 'complex', '协调 多部门'],
    ],
  ],
  [
    'city',
    '城市管理（数字城管）',
    'City management (digital city management)',
    [
      ['city.cityscape', '市容环境', 'Cityscape and environment', 'simple', '暴露垃圾 乱堆 积存'],
      ['city.advertising', '宣传广告', 'Posters and advertising', 'simple', '小广告 招牌 横幅'],
      ['city.construction', '施工管理', 'Construction management', 'general', '工地 渣土 围挡'],
      ['city.street_order', '街面秩序', 'Street order', 'simple', '占道 摆摊 乱停'],
      ['city.emergency', '突发事件', 'Sudden incidents', 'livelihood', '突发 塌陷 爆管 火情'],
      ['city.other', '其他事件', 'Other incidents', 'general'],
    ],
  ],
];

export const CATEGORY_CATALOGUE: CatalogueEntry[] = TREE.flatMap(([code, nameZh, nameEn, leaves]) => [
  { code, parentCode: null, nameZh, nameEn, slaClass: null, keywords: '' },
  ...leaves.map(([leaf, zh, en, sla, keywords]) => ({
    code: leaf,
    parentCode: code,
    nameZh: zh,
    nameEn: en,
    slaClass: sla,
    keywords: keywords ?? '',
  })),
]);
