import type { FunctionDocs } from '../FunctionSpec.ts';

const TASKS = {
  tasks: [
    { status: '已完成', owner: '张三', hours: 5 },
    { status: '进行中', owner: '李四', hours: 3 },
    { status: '已完成', owner: '李四', hours: 2 },
  ],
};

/** Documentation of the conditional aggregates in ../conditional.ts: signature, zh-CN/en description, tested examples. */
export const conditionalDocs: FunctionDocs = {
  COUNTIF: {
    syntax: 'COUNTIF(range, criteria)',
    description: {
      'zh-CN': '统计满足条件的个数。条件可为值（"已完成"）、比较（">=80"）或通配符（"张*"、"?号"）。',
      en: 'Counts the values meeting a criteria: a value ("done"), a comparison (">=80") or a wildcard ("A*", "?1").',
    },
    examples: [
      { formula: 'COUNTIF(tasks[].status, "已完成")', data: TASKS, result: 2 },
      { formula: 'COUNTIF({55, 80, 92}, ">=80")', result: 2 },
      { formula: 'COUNTIF({"apples", "oranges", "peaches"}, "*es")', result: 3 },
    ],
  },
  COUNTIFS: {
    syntax: 'COUNTIFS(range1, criteria1, [range2, criteria2], …)',
    description: {
      'zh-CN': '统计同时满足多组条件的行数；各范围长度须相同。',
      en: 'Counts the rows meeting every range/criteria pair; the ranges must be the same length.',
    },
    examples: [
      { formula: 'COUNTIFS(tasks[].status, "已完成", tasks[].owner, "李四")', data: TASKS, result: 1 },
      { formula: 'COUNTIFS({1, 2}, ">0", {1}, ">0")', result: '#VALUE!' },
    ],
  },
  SUMIF: {
    syntax: 'SUMIF(range, criteria, [sum_range])',
    description: {
      'zh-CN': '对满足条件的项求和；给出第三个参数时，对其对应位置求和。',
      en: 'Adds the values meeting the criteria; with a third argument, adds the matching items of that range instead.',
    },
    examples: [
      { formula: 'SUMIF(tasks[].status, "已完成", tasks[].hours)', data: TASKS, result: 7 },
      { formula: 'SUMIF({100000, 200000, 300000, 400000}, ">160000")', result: 900000 },
    ],
  },
  AVERAGEIF: {
    syntax: 'AVERAGEIF(range, criteria, [average_range])',
    description: {
      'zh-CN': '对满足条件的项求平均值；没有满足的项时返回 #DIV/0!。',
      en: 'Averages the values meeting the criteria; #DIV/0! when none do.',
    },
    examples: [
      { formula: 'AVERAGEIF(tasks[].owner, "李四", tasks[].hours)', data: TASKS, result: 2.5 },
      { formula: 'AVERAGEIF({100000, 200000, 300000, 400000}, "<250000")', result: 150000 },
    ],
  },
  SUMIFS: {
    syntax: 'SUMIFS(sum_range, range1, criteria1, [range2, criteria2], …)',
    description: {
      'zh-CN': '对同时满足多组条件的行求和。',
      en: 'Adds the values in the rows meeting every range/criteria pair.',
    },
    examples: [
      {
        formula: 'SUMIFS(tasks[].hours, tasks[].status, "已完成", tasks[].owner, "张*")',
        data: TASKS,
        result: 5,
      },
    ],
  },
  AVERAGEIFS: {
    syntax: 'AVERAGEIFS(average_range, range1, criteria1, [range2, criteria2], …)',
    description: {
      'zh-CN': '对同时满足多组条件的行求平均值。',
      en: 'Averages the values in the rows meeting every range/criteria pair.',
    },
    examples: [{ formula: 'AVERAGEIFS(tasks[].hours, tasks[].status, "已完成")', data: TASKS, result: 3.5 }],
  },
};
