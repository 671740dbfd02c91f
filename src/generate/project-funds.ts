// The county's 20 funds paid to projects (到项目), with the works they pay for and the
// contract sizes such works have.
import type { ProjectFund } from './model.ts';

export const PROJECT_FUNDS: readonly ProjectFund[] = [
  { name: '高标准农田建设', office: '农业股', policy: '财农〔2025〕8号、湘财农〔2025〕5号', works: ['高标准农田建设项目', '高标准农田提质改造'], min: 400_000, max: 3_000_000, weight: 3 },
  { name: '农村公路建设', office: '经济建设股', policy: '湘交计统〔2025〕11号', works: ['通组公路硬化', '村道提质改造', '产业路建设'], min: 150_000, max: 1_500_000, weight: 5 },
  { name: '农村供水保障', office: '农业股', policy: '湘水农〔2025〕2号', works: ['安全饮水巩固提升工程', '集中供水管网延伸'], min: 50_000, max: 600_000, weight: 3 },
  { name: '小型农田水利设施建设', office: '农业股', policy: '财农〔2025〕15号', works: ['山塘清淤扩容', '渠道防渗改造', '灌溉泵站维修'], min: 30_000, max: 400_000, weight: 4 },
  { name: '农村人居环境整治', office: '农业股', policy: '湘财农〔2025〕10号', works: ['人居环境整治提升', '垃圾收集点建设', '污水处理设施建设'], min: 50_000, max: 500_000, weight: 4 },
  { name: '衔接推进乡村振兴补助资金', office: '农业股', policy: '财农〔2025〕1号、湘财农〔2025〕1号', works: ['产业基地建设', '冷链仓储设施建设', '特色种养基地建设'], min: 100_000, max: 1_200_000, weight: 5 },
  { name: '以工代赈', office: '经济建设股', policy: '发改振兴〔2025〕102号', works: ['以工代赈道路建设', '以工代赈水利设施建设'], min: 200_000, max: 1_500_000, weight: 2 },
  { name: '村级公益事业一事一议财政奖补', office: '农业股', policy: '湘财农〔2025〕7号', works: ['村级公益事业建设', '文体广场建设', '路灯亮化工程'], min: 30_000, max: 300_000, weight: 4 },
  { name: '农村危桥改造', office: '经济建设股', policy: '湘交计统〔2025〕12号', works: ['危桥改造'], min: 200_000, max: 2_000_000, weight: 1 },
  { name: '农村客运招呼站建设', office: '经济建设股', policy: '湘交运〔2025〕6号', works: ['客运招呼站建设'], min: 20_000, max: 80_000, weight: 1 },
  { name: '义务教育薄弱环节改善与能力提升', office: '教科文股', policy: '财教〔2025〕3号', works: ['学校校舍维修改造', '学校运动场建设', '学生食堂改造'], min: 100_000, max: 1_500_000, weight: 2, townshipLevel: true },
  { name: '村卫生室标准化建设', office: '教科文股', policy: '湘卫基层发〔2025〕1号', works: ['村卫生室标准化建设'], min: 50_000, max: 200_000, weight: 1 },
  { name: '地质灾害综合治理', office: '经济建设股', policy: '湘自资发〔2025〕9号', works: ['地质灾害隐患点治理'], min: 200_000, max: 2_500_000, weight: 1 },
  { name: '水土保持', office: '农业股', policy: '湘水保〔2025〕3号', works: ['坡耕地水土流失综合治理', '小流域综合治理'], min: 300_000, max: 2_000_000, weight: 1 },
  { name: '森林防火', office: '农业股', policy: '湘林防〔2025〕2号', works: ['森林防火通道建设', '防火蓄水池建设'], min: 50_000, max: 600_000, weight: 1 },
  { name: '村级综合服务设施建设', office: '行政政法股', policy: '湘组通〔2025〕8号', works: ['村级综合服务中心建设'], min: 200_000, max: 800_000, weight: 1 },
  { name: '土地整治', office: '经济建设股', policy: '湘自资发〔2025〕15号', works: ['土地整治项目', '旱改水项目'], min: 300_000, max: 3_000_000, weight: 1, townshipLevel: true },
  { name: '农村厕所革命整村推进', office: '农业股', policy: '湘农发〔2025〕16号', works: ['公共厕所建设'], min: 30_000, max: 200_000, weight: 1 },
  { name: '美丽乡村建设', office: '农业股', policy: '湘财农〔2025〕12号', works: ['美丽乡村示范建设', '村庄风貌提升'], min: 200_000, max: 2_000_000, weight: 2 },
  { name: '农村电商服务站点建设', office: '经济建设股', policy: '湘商建〔2025〕4号', works: ['电商服务站建设'], min: 30_000, max: 150_000, weight: 1, townshipLevel: true },
];
