// Values of every Bolt type, shared by the driver round trips and the Jolt round trips.
import neo4j from 'neo4j-driver';

const { Date: BoltDate, DateTime, Duration, LocalDateTime, LocalTime, Node, Path, PathSegment, Point, Relationship, Time } =
  neo4j.types;
const int = neo4j.int;

/** Values the driver may send as parameters and the server may send back. */
export const scalarCases: Array<[string, unknown]> = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['tiny negative integer', int(-16)],
  ['int8', int(-128)],
  ['int16', int(-32768)],
  ['int32 max', int(2147483647)],
  ['int32 min', int(-2147483648)],
  ['2^53 + 1 (beyond a JS number)', int('9007199254740993')],
  ['-(2^53 + 1)', int('-9007199254740993')],
  ['int64 max', int('9223372036854775807')],
  ['int64 min', int('-9223372036854775808')],
  ['float', 1.5],
  ['pi', Math.PI],
  ['negative zero', -0],
  ['NaN', NaN],
  ['-Infinity', -Infinity],
  ['smallest subnormal', 5e-324],
  ['empty string', ''],
  ['Chinese text', '施工质量验收：主体结构分部工程（已批准）'],
  ['emoji and combining marks', '🏗️ BIM é'],
  ['80,000-byte string (a message over several chunks)', '检'.repeat(26667)],
  ['bytes', Int8Array.from([0, 1, -1, 127, -128])],
  ['list', [int(1), 'two', 3.5, null, [true, []]]],
  ['map', { status: 'APPROVED', 数量: int(3), nested: { ratio: 0.5, empty: {} } }],
  ['date', new BoltDate(2024, 5, 1)],
  ['date before the common era', new BoltDate(-50, 3, 15)],
  ['date after year 9999', new BoltDate(20000, 12, 31)],
  ['local time', new LocalTime(10, 30, 15, 123456789)],
  ['time with offset', new Time(23, 59, 59, 999999999, 8 * 3600)],
  ['local date-time', new LocalDateTime(2024, 5, 1, 10, 0, 0, 5)],
  ['local date-time before 1970', new LocalDateTime(1969, 12, 31, 23, 59, 59, 1)],
  ['date-time with offset', new DateTime(2024, 5, 1, 10, 0, 0, 0, 8 * 3600)],
  ['date-time with a negative half-hour offset', new DateTime(2024, 1, 31, 8, 15, 30, 250000000, -(3 * 3600 + 1800))],
  ['date-time in Asia/Shanghai', new DateTime(2024, 5, 1, 10, 0, 0, 0, 8 * 3600, 'Asia/Shanghai')],
  ['date-time in New York, summer', new DateTime(2024, 7, 4, 9, 0, 0, 0, -4 * 3600, 'America/New_York')],
  ['date-time in New York, winter', new DateTime(2024, 1, 4, 9, 0, 0, 0, -5 * 3600, 'America/New_York')],
  ['duration', new Duration(14, 3, 3661, 500000000)],
  ['negative duration', new Duration(0, -1, -30, 0)],
  ['2D point (WGS-84)', new Point(4326, 116.397128, 39.916527)],
  ['3D point (cartesian)', new Point(9157, 1.5, -2.25, 3)],
];

const lot = new Node(int(101), ['InspectionLot'], { id: 'lot-001', status: 'APPROVED', 名称: '一层柱' }, '101');
const element = new Node(int(201), ['Element'], { id: 'el-1', confidence: 0.93 }, '201');
const level = new Node(int(301), ['Level'], { id: 'L1' }, '301');
const contains = new Relationship(int(501), int(101), int(201), 'MANAGEMENT_CONTAINS', {}, '501', '101', '201');
const locatedAt = new Relationship(int(502), int(201), int(301), 'LOCATED_AT', { since: int(2024) }, '502', '201', '301');
// Walked from the level back to the lot: both relationships are traversed against their direction.
const reversedPath = new Path(level, lot, [
  new PathSegment(level, locatedAt, element),
  new PathSegment(element, contains, lot),
]);

/** Values only a server sends (the driver refuses graph values as parameters). */
export const recordOnlyCases: Array<[string, unknown, unknown?]> = [
  ['node', lot],
  ['relationship', locatedAt],
  ['path walked forwards', new Path(lot, level, [new PathSegment(lot, contains, element), new PathSegment(element, locatedAt, level)])],
  ['path walked backwards', reversedPath],
  ['single-node path', new Path(lot, lot, [])],
  ['list of nodes', [lot, element, level]],
  ['bigint record value', 2n ** 62n + 1n, int('4611686018427387905')],
];
