/**
 * Realistic names for the demo hierarchy. Divisions (分部), sub-divisions (子分部) and items (分项) follow
 * GB 50300 "Unified standard for constructional quality acceptance of building engineering", which the
 * OpenTruss models are named after (models/gb50300).
 */
export interface DivisionTemplate {
  name: string;
  /** Speckle types of the elements this division's lots group. */
  elementTypes: readonly string[];
  subDivisions: ReadonlyArray<{ name: string; items: readonly string[] }>;
}

export const DIVISION_TEMPLATES: readonly DivisionTemplate[] = [
  {
    name: '主体结构',
    elementTypes: ['Wall', 'Column', 'Beam', 'Floor'],
    subDivisions: [
      { name: '混凝土结构', items: ['模板', '钢筋', '混凝土', '现浇结构'] },
      { name: '砌体结构', items: ['填充墙砌体', '配筋砌体'] },
    ],
  },
  {
    name: '地基与基础',
    elementTypes: ['Floor', 'Column', 'Wall'],
    subDivisions: [
      { name: '基础', items: ['筏形基础', '钢筋混凝土扩展基础'] },
      { name: '地下防水', items: ['防水混凝土', '卷材防水层'] },
    ],
  },
  {
    name: '建筑装饰装修',
    elementTypes: ['Wall', 'Ceiling', 'Door', 'Window'],
    subDivisions: [
      { name: '门窗', items: ['金属门窗安装', '塑料门窗安装'] },
      { name: '吊顶', items: ['整体面层吊顶', '板块面层吊顶'] },
    ],
  },
  {
    name: '建筑给水排水及供暖',
    elementTypes: ['Pipe', 'Hanger'],
    subDivisions: [
      { name: '室内给水系统', items: ['给水管道及配件安装', '给水设备安装'] },
      { name: '室内排水系统', items: ['排水管道及配件安装', '雨水管道及配件安装'] },
    ],
  },
  {
    name: '通风与空调',
    elementTypes: ['Duct', 'Hanger'],
    subDivisions: [
      { name: '送风系统', items: ['风管与配件制作', '风管系统安装'] },
      { name: '排烟系统', items: ['风管系统安装', '排烟风阀安装'] },
    ],
  },
  {
    name: '建筑电气',
    elementTypes: ['CableTray', 'Conduit', 'Hanger'],
    subDivisions: [
      { name: '电气照明', items: ['导管敷设', '灯具安装'] },
      { name: '供电干线', items: ['梯架、托盘和槽盒安装', '电缆敷设'] },
    ],
  },
  {
    name: '屋面',
    elementTypes: ['Roof', 'Floor'],
    subDivisions: [
      { name: '防水与密封', items: ['卷材防水层', '涂膜防水层'] },
      { name: '保温与隔热', items: ['板状材料保温层', '种植隔热层'] },
    ],
  },
];

export const PROJECT_NAMES: readonly string[] = [
  '滨江花园一期',
  '科创中心A区',
  '城北安置房',
  '第二人民医院门诊楼',
  '高新区实验学校',
  '地铁上盖综合体',
  '港湾商务中心',
  '湖畔人才公寓',
  '会展中心扩建',
  '航站楼配套办公',
];

export const MATERIALS: Readonly<Record<string, readonly string[]>> = {
  Wall: ['C30混凝土', '加气混凝土砌块', '石膏板'],
  Column: ['C40混凝土', 'Q355钢'],
  Beam: ['C35混凝土', 'Q355钢'],
  Floor: ['C30混凝土', 'C35混凝土'],
  Roof: ['C30混凝土', 'SBS改性沥青卷材'],
  Ceiling: ['铝扣板', '纸面石膏板'],
  Door: ['钢质防火门', '铝合金'],
  Window: ['断桥铝合金', '塑钢'],
  Pipe: ['PPR', '镀锌钢管', 'UPVC'],
  Duct: ['镀锌钢板'],
  CableTray: ['热镀锌钢'],
  Conduit: ['JDG钢管', 'PVC'],
  Hanger: ['Q235钢'],
};

export const ZONE_NAMES: readonly string[] = ['A区', 'B区', 'C区'];

/** Extra approvers beyond OpenTruss's default `approver` and `pm` users. */
export const APPROVER_NAMES: readonly string[] = ['王工', '李工', '张工', '刘工', '陈工', '杨工', '赵工', '黄工'];
