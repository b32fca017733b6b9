// The demo OpenTruss graph: planned from the size presets, then written by one walk down the hierarchy (users,
// projects, buildings, levels, divisions … lots with their approval histories, elements), deterministic per seed.
// Longer than 300 lines on purpose: each level's nodes take ids, dates and scopes from the level above, which the
// writer's walk holds in one place; the plan, the names and the element properties live in their own modules.
import { createHash } from 'node:crypto';
import { type ApprovalRole, PLACEHOLDER_IDS } from '../vocabulary';
import { elementProperties } from './elements';
import type { LotTransition } from './lot-workflow';
import { type DemoGraph, type DemoNode, GraphBuilder } from './model';
import { APPROVER_NAMES, DIVISION_TEMPLATES, PROJECT_NAMES, ZONE_NAMES } from './names';
import { type DemoGraphCounts, type DemoGraphPlan, type LotPlan, countDemoGraph, planDemoGraph } from './plan';
import {
  DEFAULT_DEMO_NOW,
  DEFAULT_DEMO_SEED,
  DEMO_GRAPH_PRESETS,
  type DemoGraphPreset,
  type DemoGraphSize,
  validateSize,
} from './presets';
import { Random, uniqueHex } from './random';
import { localDateTime, pythonIsoString, zonedDateTime } from './timestamps';

export interface DemoGraphOptions {
  /** Default `small`. */
  preset?: DemoGraphPreset;
  /** Overrides of the preset's size. */
  size?: Partial<DemoGraphSize>;
  seed?: number;
  /** The instant the graph ends at: ISO string, Date or epoch milliseconds. Default DEFAULT_DEMO_NOW. */
  now?: string | Date | number;
}

export interface ResolvedDemoGraphOptions {
  size: DemoGraphSize;
  seed: number;
  /** Epoch microseconds. */
  now: number;
}

export function resolveDemoGraphOptions(options: DemoGraphOptions = {}): ResolvedDemoGraphOptions {
  const preset = options.preset ?? 'small';
  if (!(preset in DEMO_GRAPH_PRESETS)) {
    throw new Error(`Unknown demo graph preset "${preset}"; use one of ${Object.keys(DEMO_GRAPH_PRESETS).join(', ')}`);
  }
  const size = validateSize({ ...DEMO_GRAPH_PRESETS[preset], ...options.size });
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`Demo graph seed must be an integer, got ${String(seed)}`);
  }
  const nowMs = new Date(options.now ?? DEFAULT_DEMO_NOW).getTime();
  if (Number.isNaN(nowMs)) {
    throw new Error(`Demo graph "now" is not a valid date: ${String(options.now)}`);
  }
  return { size, seed, now: nowMs * 1000 };
}

/** Node and relationship counts for these options, computed from the plan alone (no elements materialised). */
export function countDemoGraphFor(options: DemoGraphOptions = {}): DemoGraphCounts {
  const { size, seed, now } = resolveDemoGraphOptions(options);
  return countDemoGraph(planDemoGraph(size, seed, now));
}

const DAY = 86_400_000_000;
const HOUR = 3_600_000_000;
const pad = (value: number, width: number) => String(value).padStart(width, '0');
/** The nth name of a list, with a numeric suffix once the list is used up. */
const nth = (names: readonly string[], index: number) =>
  names[index % names.length] + (index >= names.length ? ` ${Math.floor(index / names.length) + 1}` : '');

const REJECT_COMMENTS = [
  '钢筋间距不符合设计要求',
  '缺少隐蔽验收影像资料',
  '构件高度信息不完整',
  '保护层厚度偏差超限',
  '请补充材料进场检验报告',
];
const APPROVE_COMMENTS = ['同意', '资料齐全，同意验收', '符合规范要求'];

interface Approvers {
  /** Users who approve (role recorded as APPROVER whoever approves). */
  approve: readonly string[];
  /** Users with role APPROVER (may only reject SUBMITTED → IN_PROGRESS). */
  approverRole: readonly string[];
  pm: readonly string[];
}

/**
 * Generates the demo OpenTruss graph: deterministic for the same options (seed, size, now). The package README
 * says what it contains and why.
 */
export function generateDemoGraph(options: DemoGraphOptions = {}): DemoGraph {
  const { size, seed, now } = resolveDemoGraphOptions(options);
  const plan = planDemoGraph(size, seed, now);
  return new DemoGraphWriter(plan, seed).write();
}

class DemoGraphWriter {
  private readonly builder = new GraphBuilder();
  /** A stream apart from the plan's, so plan-only counting sees the same lots as full generation. */
  private readonly random: Random;
  private readonly firstDay: number;
  private elementCounter = 0;
  private historyCounter = 0;
  private demoLotCounter = 0;
  private readonly levelsByBuilding = new Map<string, DemoNode[]>();

  constructor(
    private readonly plan: DemoGraphPlan,
    private readonly seed: number
  ) {
    this.random = new Random(seed + 1);
    this.firstDay = plan.now - (plan.size.historyDays + 60) * DAY;
  }

  write(): DemoGraph {
    const approvers = this.users();
    this.placeholders();
    for (const project of this.plan.projects) {
      this.project(project, approvers);
    }
    this.unassignedElements();
    return this.builder.build({ seed: this.seed, now: this.plan.now, size: this.plan.size });
  }

  private at(start: number, maxHours: number): number {
    return Math.floor(start + this.random.between(0, maxHours) * HOUR);
  }

  /** OpenTruss's default users (schema.py) plus extra approvers; written with `datetime()`, so zoned. */
  private users(): Approvers {
    const created = zonedDateTime(this.firstDay);
    const user = (username: string, role: string, name: string) =>
      this.builder.addNode('User', {
        id: `user_${username}`,
        username,
        role,
        name,
        email: `${username}@opentruss.local`,
        created_at: created,
        updated_at: created,
      }).id;
    user('admin', 'ADMIN', '系统管理员');
    user('editor', 'EDITOR', '数据编辑');
    const approver = user('approver', 'APPROVER', '审批人');
    const pm = user('pm', 'PM', '项目经理');
    const extra = Array.from({ length: this.plan.size.extraApprovers }, (_, index) =>
      user(`approver_${pad(index + 2, 2)}`, 'APPROVER', nth(APPROVER_NAMES, index))
    );
    return { approve: [approver, ...extra, pm], approverRole: [approver, ...extra], pm: [pm] };
  }

  /** The default/unassigned hierarchy schema.py creates at every start; the item has no parent, as in OpenTruss. */
  private placeholders(): void {
    const created = localDateTime(this.firstDay);
    const ts = { created_at: created, updated_at: created };
    const project = this.builder.addNode('Project', { id: PLACEHOLDER_IDS.project, name: '默认项目', ...ts });
    const building = this.builder.addNode('Building', {
      id: PLACEHOLDER_IDS.building,
      name: '默认单体',
      project_id: project.id,
      ...ts,
    });
    const division = this.builder.addNode('Division', {
      id: PLACEHOLDER_IDS.division,
      name: '默认分部',
      building_id: building.id,
      ...ts,
    });
    const subDivision = this.builder.addNode('SubDivision', {
      id: PLACEHOLDER_IDS.subDivision,
      name: '未分配子分部',
      division_id: division.id,
      ...ts,
    });
    this.builder.addNode('Item', {
      id: PLACEHOLDER_IDS.item,
      name: '未分配分项',
      subdivision_id: subDivision.id,
      ...ts,
    });
    this.builder.relate(project, 'PHYSICALLY_CONTAINS', building);
    this.builder.relate(building, 'MANAGEMENT_CONTAINS', division);
    this.builder.relate(division, 'MANAGEMENT_CONTAINS', subDivision);
  }

  private project(plan: DemoGraphPlan['projects'][number], approvers: Approvers): void {
    const created = this.at(this.firstDay, 40 * 24);
    const key = pad(plan.index + 1, 3);
    const ts = (start: number) => {
      const value = localDateTime(this.at(start, 48));
      return { created_at: value, updated_at: value };
    };
    const project = this.builder.addNode('Project', {
      id: `project_${key}`,
      name: nth(PROJECT_NAMES, plan.index),
      description: this.random.chance(0.5) ? '施工质量验收数字化试点项目' : undefined,
      ...ts(created),
    });
    for (const buildingPlan of plan.buildings) {
      const buildingKey = `${key}_${pad(buildingPlan.index + 1, 2)}`;
      const building = this.builder.addNode('Building', {
        id: `building_${buildingKey}`,
        name: `${buildingPlan.index + 1}#楼`,
        project_id: project.id,
        ...ts(created),
      });
      this.builder.relate(project, 'PHYSICALLY_CONTAINS', building);
      this.levels(building, buildingKey, buildingPlan.levels, created);
      for (const divisionPlan of buildingPlan.divisions) {
        const template = DIVISION_TEMPLATES[divisionPlan.index % DIVISION_TEMPLATES.length];
        const divisionKey = `${buildingKey}_${pad(divisionPlan.index + 1, 2)}`;
        const division = this.builder.addNode('Division', {
          id: `division_${divisionKey}`,
          name: nth(
            DIVISION_TEMPLATES.map((t) => t.name),
            divisionPlan.index
          ),
          building_id: building.id,
          ...ts(created),
        });
        this.builder.relate(building, 'MANAGEMENT_CONTAINS', division);
        for (const subPlan of divisionPlan.subDivisions) {
          const subTemplate = template.subDivisions[subPlan.index % template.subDivisions.length];
          const subKey = `${divisionKey}_${pad(subPlan.index + 1, 2)}`;
          const subDivision = this.builder.addNode('SubDivision', {
            id: `subdivision_${subKey}`,
            name: nth(
              template.subDivisions.map((s) => s.name),
              subPlan.index
            ),
            division_id: division.id,
            ...ts(created),
          });
          this.builder.relate(division, 'MANAGEMENT_CONTAINS', subDivision);
          for (const itemPlan of subPlan.items) {
            const item = this.builder.addNode('Item', {
              id: `item_${subKey}_${pad(itemPlan.index + 1, 2)}`,
              name: nth(subTemplate.items, itemPlan.index),
              subdivision_id: subDivision.id,
              ...ts(created),
            });
            this.builder.relate(subDivision, 'MANAGEMENT_CONTAINS', item);
            const usedScopes = new Set<string>();
            for (const lotPlan of itemPlan.lots) {
              this.lot(item, building, lotPlan, usedScopes, template.elementTypes, approvers);
            }
          }
        }
      }
    }
  }

  private levels(building: DemoNode, buildingKey: string, count: number, created: number): void {
    const names = count >= 4 ? ['B1', ...Array.from({ length: count - 1 }, (_, i) => `F${i + 1}`)] : [];
    const levelNames = names.length ? names : Array.from({ length: count }, (_, i) => `F${i + 1}`);
    const levels = levelNames.map((name) => {
      const value = localDateTime(this.at(created, 48));
      const level = this.builder.addNode('Level', {
        id: `level_${buildingKey}_${name.toLowerCase()}`,
        name,
        building_id: building.id,
        elevation: name === 'B1' ? -4.5 : Number(((Number(name.slice(1)) - 1) * 3.6).toFixed(2)),
        created_at: value,
        updated_at: value,
      });
      this.builder.relate(building, 'PHYSICALLY_CONTAINS', level);
      return level;
    });
    this.levelsByBuilding.set(building.id, levels);
  }

  /** A spatial scope (`Level:F3` or `Level:F3,Zone:A区`) not yet used by another lot of the same item. */
  private spatialScope(levels: DemoNode[], used: Set<string>): { scope: string; level: DemoNode } {
    for (let attempt = 0; ; attempt++) {
      const level = this.random.pick(levels);
      const zone = this.random.chance(0.4) ? this.random.pick(ZONE_NAMES) : undefined;
      const suffix = attempt > 20 ? `,Zone:Z${attempt}` : zone ? `,Zone:${zone}` : '';
      const scope = `Level:${String(level.properties.name)}${suffix}`;
      if (!used.has(scope)) {
        used.add(scope);
        return { scope, level };
      }
    }
  }

  private lot(
    item: DemoNode,
    building: DemoNode,
    plan: LotPlan,
    usedScopes: Set<string>,
    elementTypes: readonly string[],
    approvers: Approvers
  ): void {
    const { workflow } = plan;
    const { scope, level } = this.spatialScope(this.levelsByBuilding.get(building.id) ?? [], usedScopes);
    // lot_strategy names rule-created lots lot_{item_id}_{md5(group_key)[:8]} and stores ISO strings;
    // create_demo_data.py style lots store LocalDateTime.
    const createdAt =
      plan.createdByRuleEngine && this.random.chance(0.1)
        ? workflow.createdAt - (workflow.createdAt % 1_000_000)
        : workflow.createdAt;
    const created = plan.createdByRuleEngine ? pythonIsoString(createdAt) : localDateTime(createdAt);
    const last = workflow.transitions[workflow.transitions.length - 1];
    const id = plan.createdByRuleEngine
      ? `lot_${item.id}_${createHash('md5').update(scope).digest('hex').slice(0, 8)}`
      : `demo_lot_${pad(++this.demoLotCounter, 4)}`;
    const scopeLabel = scope.replace('Level:', '').replace(',Zone:', ' ');
    const lot = this.builder.addNode('InspectionLot', {
      id,
      name: `${String(item.properties.name)}检验批（${scopeLabel}）`,
      item_id: item.id,
      spatial_scope: scope,
      status: workflow.status,
      created_at: created,
      // Every status change runs `SET lot.updated_at = datetime()`.
      updated_at: last ? zonedDateTime(last.at) : created,
    });
    this.builder.relate(item, 'HAS_LOT', lot);
    for (const transition of workflow.transitions) {
      if (transition.recorded) {
        this.history(lot, transition, approvers);
      }
    }
    // Elements are ingested up to 3 days before grouping, and last touched (grouped or verified) before submit.
    const firstSubmit = workflow.transitions.find((transition) => transition.to === 'SUBMITTED')?.at;
    const touchedBy = Math.min(firstSubmit ?? this.plan.now, this.plan.now);
    for (let index = 0; index < plan.elements; index++) {
      const ingested = Math.max(this.firstDay, createdAt - Math.floor(this.random.between(0, 3) * DAY));
      const touchedAt = Math.floor(this.random.between(createdAt, Math.max(createdAt, touchedBy)));
      const lostLotId =
        (workflow.status === 'PLANNING' || workflow.status === 'IN_PROGRESS') && this.random.chance(0.025);
      this.element(level, elementTypes, ingested, { id: lot.id, status: workflow.status, touchedAt, lostLotId }, lot);
    }
  }

  private history(lot: DemoNode, transition: LotTransition, approvers: Approvers): void {
    const recorded = transition.recorded!;
    const role: ApprovalRole = recorded.role;
    const pool =
      recorded.action === 'APPROVE' ? approvers.approve : role === 'PM' ? approvers.pm : approvers.approverRole;
    const comments = recorded.action === 'REJECT' ? REJECT_COMMENTS : APPROVE_COMMENTS;
    const withComment = recorded.action === 'REJECT' || this.random.chance(0.3);
    const history = this.builder.addNode('ApprovalHistory', {
      id: `history_${uniqueHex(this.historyCounter++)}${this.random.hex(4)}`,
      lot_id: lot.id,
      action: recorded.action,
      user_id: this.random.pick(pool),
      role,
      comment: withComment ? this.random.pick(comments) : undefined,
      old_status: transition.from,
      new_status: transition.to,
      // _record_approval_history sends a naive datetime: LocalDateTime.
      created_at: localDateTime(transition.at),
    });
    this.builder.relate(lot, 'HAS_APPROVAL_HISTORY', history);
  }

  private element(
    level: DemoNode,
    speckleTypes: readonly string[],
    createdAt: number,
    lotContext: Parameters<typeof elementProperties>[1]['lot'],
    lot?: DemoNode
  ): void {
    const element = this.builder.addNode(
      'Element',
      elementProperties(this.random, {
        counter: this.elementCounter++,
        speckleTypes,
        levelId: level.id,
        levelElevation: Number(level.properties.elevation),
        createdAt,
        lot: lotContext,
      })
    );
    if (lot) {
      this.builder.relate(lot, 'MANAGEMENT_CONTAINS', element);
    }
    this.builder.relate(element, 'LOCATED_AT', level);
  }

  /** Elements ingested but not grouped into any lot yet (workbench "unassigned"). */
  private unassignedElements(): void {
    const buildings = [...this.levelsByBuilding.values()];
    const allTypes = [...new Set(DIVISION_TEMPLATES.flatMap((template) => template.elementTypes))];
    for (let index = 0; index < this.plan.unassignedElements; index++) {
      const level = this.random.pick(this.random.pick(buildings));
      const createdAt = this.at(
        this.plan.now - this.plan.size.historyDays * DAY,
        (this.plan.size.historyDays - 1) * 24
      );
      this.element(level, allTypes, createdAt, undefined);
    }
  }
}
