/**
 * The demo history's fixed data: the demo city's responsibility catalogue (权责清单, R1)
 * and what residents call about, per category, in plain Chinese.
 */

/**
 * R1, C7: the district's rules — category → lead unit and cooperating units (codes of
 * the demo's departments `D…` and enterprises `E…`, seed 003's reporting units).
 */
export const DISTRICT_RULES: [category: string, lead: string, cooperating: string[]][] = [
  ['utility.water', 'E370782-SW', []],
  ['utility.power', 'E370782-GD', []],
  ['utility.gas', 'E370782-RQ', []],
  ['utility.heating', 'E370782-RL', []],
  ['utility.telecom', 'E370782-DX', []],
  ['utility.cable_tv', 'E370782-GDWL', []],
  ['transport.bus', 'E370782-GJ', ['D370782-JTJ']],
  ['transport.taxi', 'E370782-CZ', ['D370782-JTJ']],
  ['environment.landscaping', 'D370782-YLHW', []],
  ['environment.sanitation', 'D370782-YLHW', []],
  ['environment.pollution', 'D370782-HB', ['D370782-SLJ']],
  ['safety.work', 'D370782-YJJ', ['D370782-SCJG']],
  ['safety.hazard', 'D370782-YJJ', []],
  ['safety.housing', 'D370782-ZJJ', ['D370782-ZRZY']],
  ['dispute.labour', 'D370782-SFJ', []],
  ['dispute.land', 'D370782-ZRZY', ['D370782-NYJ']],
  ['dispute.property', 'D370782-ZJJ', []],
  ['service.legal_aid', 'D370782-SFJ', []],
  ['service.social', 'D370782-MZJ', ['D370782-WJJ']],
  ['service.other', 'D370782-WJJ', ['D370782-JTY']],
  ['management.complex', 'D370782-NYJ', ['D370782-SLJ']],
  ['city.cityscape', 'D370782-ZHZF', ['D370782-YLHW']],
  ['city.construction', 'D370782-ZHZF', ['D370782-ZJJ']],
  ['city.emergency', 'D370782-YJJ', ['D370782-GAJ', 'E370782-SW']],
  ['city.other', 'D370782-ZHZF', []],
];

/**
 * C7, C16: matters a township settles with its stationed agencies (the agency codes of
 * demo-data's AGENCIES); these rules sit on each township, so they win over the district's.
 */
export const TOWNSHIP_RULES: [category: string, lead: string, cooperating: string[]][] = [
  ['city.street_order', 'ZF', ['SCJG']],
  ['city.advertising', 'ZF', []],
  ['dispute.neighbour', 'SF', ['PCS']],
  ['management.public', 'PCS', []],
];

export const RULE_BASIS = '《诸城市网格呼叫、部门报到事项权责清单》';

export interface CallText {
  situations: string[];
  party: string;
  demand: string;
  result: string;
}

/** What a grid worker writes for a call of each category (C6), and what the handler reports. */
export const CALL_TEXTS: Record<string, CallText> = {
  'utility.water': {
    situations: ['小区主管道漏水，路面积水结冰', '楼内停水一天，未见停水通知', '自来水发黄有异味'],
    party: '小区住户',
    demand: '尽快抢修，恢复正常供水',
    result: '已更换破损管段，恢复供水并冲洗管网',
  },
  'utility.power': {
    situations: ['片区夜间频繁停电', '电线杆倾斜，电线下垂离地面过低', '楼道电表箱门损坏，线路裸露'],
    party: '沿街商户和住户',
    demand: '排查线路，消除隐患',
    result: '已扶正电杆、紧固线路，更换电表箱门',
  },
  'utility.gas': {
    situations: ['楼道内闻到燃气味', '燃气表计量异常，费用明显偏高'],
    party: '住户',
    demand: '上门检测，排除漏气隐患',
    result: '已检测并更换老化软管，复测无泄漏',
  },
  'utility.heating': {
    situations: ['暖气不热，室温不足 16 度', '供暖管道阀门漏水'],
    party: '单元住户',
    demand: '检修供暖设施，保证室温达标',
    result: '已排气、清洗过滤器，复测室温 19 度',
  },
  'utility.telecom': {
    situations: ['宽带线路被施工挖断，整栋楼断网', '通信线缆垂落在人行道上'],
    party: '居民',
    demand: '尽快修复线路',
    result: '已重新熔接光缆并规整线缆',
  },
  'utility.cable_tv': {
    situations: ['有线电视长期无信号', '有线电视线缆私拉乱接'],
    party: '住户',
    demand: '检修线路，恢复信号',
    result: '已更换分支器，信号恢复',
  },
  'transport.bus': {
    situations: ['公交站牌被撞倒', '早高峰公交车长时间不来，站台拥挤'],
    party: '乘客',
    demand: '修复站牌，优化班次',
    result: '已重新安装站牌，早高峰加密班次',
  },
  'transport.taxi': {
    situations: ['出租车在火车站拒载、议价', '出租车随意停靠，堵塞路口'],
    party: '乘客',
    demand: '查处违规行为',
    result: '已约谈驾驶员并依规处理，加强站点管理',
  },
  'environment.landscaping': {
    situations: ['行道树枯枝随时可能掉落', '绿化带被毁，改种蔬菜'],
    party: '过往行人',
    demand: '修剪枯枝，恢复绿化',
    result: '已修剪枯枝并补植绿化苗木',
  },
  'environment.sanitation': {
    situations: ['垃圾桶满溢无人清运', '公厕损坏无法使用', '背街小巷积存垃圾'],
    party: '周边居民',
    demand: '及时清运，保持整洁',
    result: '已清运垃圾并调整清运频次',
  },
  'environment.pollution': {
    situations: ['餐馆油烟直排，影响楼上住户', '夜间工地噪音扰民', '河沟有污水排入'],
    party: '附近住户',
    demand: '查处污染，恢复环境',
    result: '已督促安装油烟净化设施并复查达标',
  },
  'safety.work': {
    situations: ['小作坊违规存放易燃物品', '企业厂房消防通道被堵'],
    party: '企业周边群众',
    demand: '检查整改安全隐患',
    result: '已现场检查，责令限期整改并复查',
  },
  'safety.hazard': {
    situations: ['路面井盖缺失', '老旧楼道电动车飞线充电', '广告牌松动有坠落危险'],
    party: '居民',
    demand: '尽快消除隐患',
    result: '已补装井盖并设置警示标志',
  },
  'safety.housing': {
    situations: ['外墙瓷砖脱落，砸坏电动车', '老旧楼房墙体出现裂缝'],
    party: '楼内住户',
    demand: '排查房屋安全并修复',
    result: '已组织鉴定并修复外墙',
  },
  'dispute.neighbour': {
    situations: ['邻居装修占用公共楼道引发争吵', '楼上漏水殃及楼下，双方协商不成'],
    party: '两户居民',
    demand: '调解纠纷',
    result: '已组织双方调解，达成书面协议',
  },
  'dispute.labour': {
    situations: ['工地拖欠农民工工资', '饭店辞退员工不结工资'],
    party: '务工人员',
    demand: '协调追讨工资',
    result: '已协调用人单位支付拖欠工资',
  },
  'dispute.land': {
    situations: ['宅基地边界纠纷，双方争执', '承包地流转合同纠纷'],
    party: '村民',
    demand: '依法确权，化解纠纷',
    result: '已现场勘测，调解双方达成一致',
  },
  'dispute.property': {
    situations: ['物业擅自涨价，业主不满', '小区电梯长期故障，物业推诿'],
    party: '小区业主',
    demand: '督促物业履行职责',
    result: '已约谈物业公司，电梯已修复',
  },
  'service.legal_aid': {
    situations: ['老人遭遇保健品诈骗，需要法律援助', '交通事故赔偿纠纷需法律咨询'],
    party: '困难群众',
    demand: '提供法律援助',
    result: '已指派律师提供法律援助',
  },
  'service.social': {
    situations: ['独居老人生活困难，申请低保', '残疾人补贴未按时发放'],
    party: '困难群众',
    demand: '核实情况，落实救助',
    result: '已入户核实并办理救助',
  },
  'service.other': {
    situations: ['社区卫生室缺少常用药品', '学校门口上下学时段交通混乱'],
    party: '居民',
    demand: '协调解决',
    result: '已协调补充药品并安排人员疏导',
  },
  'management.public': {
    situations: ['夜间有人聚集酗酒滋事', '小区出现可疑人员发放传单'],
    party: '居民',
    demand: '加强巡查管理',
    result: '已加强巡逻并处置',
  },
  'management.complex': {
    situations: ['村道年久失修，雨天无法通行', '灌溉渠道堵塞影响春耕'],
    party: '村民',
    demand: '协调多部门解决',
    result: '已协调立项修复，现已通行',
  },
  'city.cityscape': {
    situations: ['沿街商户乱堆杂物', '道路两侧暴露垃圾'],
    party: '过往行人',
    demand: '清理整治',
    result: '已清理并督促商户落实门前三包',
  },
  'city.advertising': {
    situations: ['小广告贴满楼道', '违规悬挂横幅'],
    party: '居民',
    demand: '清理违规广告',
    result: '已清理并对张贴者教育处罚',
  },
  'city.construction': {
    situations: ['渣土车抛洒，路面泥泞', '工地围挡倒塌'],
    party: '周边群众',
    demand: '规范施工管理',
    result: '已责令施工单位清扫路面、恢复围挡',
  },
  'city.street_order': {
    situations: ['早市摊贩占道经营，堵塞交通', '车辆乱停占用盲道'],
    party: '周边群众',
    demand: '规范经营秩序',
    result: '已劝导摊贩入市经营，清理占道车辆',
  },
  'city.emergency': {
    situations: ['路面突然塌陷', '供水管道爆裂，路面积水'],
    party: '过往行人',
    demand: '紧急处置',
    result: '已设置围挡并抢修完毕',
  },
  'city.other': {
    situations: ['路灯不亮，夜间出行不便', '健身器材损坏'],
    party: '居民',
    demand: '尽快维修',
    result: '已维修完毕',
  },
};

/** Relative call volume of the townships: the first two (the urban streets) are busiest. */
export function townshipWeight(index: number): number {
  return index === 0 ? 6 : index === 1 ? 3 : 1;
}
