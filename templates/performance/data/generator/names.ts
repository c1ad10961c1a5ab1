import type { Random } from './random.ts';

// Common Chinese surnames and given-name characters with their pinyin, for fictional people.
const SURNAMES: readonly [string, string][] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['许', 'xu'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
  ['曾', 'zeng'],
  ['萧', 'xiao'],
  ['田', 'tian'],
  ['董', 'dong'],
  ['袁', 'yuan'],
  ['潘', 'pan'],
  ['于', 'yu'],
  ['蒋', 'jiang'],
  ['蔡', 'cai'],
  ['余', 'yu'],
  ['杜', 'du'],
  ['叶', 'ye'],
  ['程', 'cheng'],
  ['苏', 'su'],
  ['魏', 'wei'],
  ['吕', 'lv'],
  ['丁', 'ding'],
  ['任', 'ren'],
  ['沈', 'shen'],
  ['姚', 'yao'],
  ['卢', 'lu'],
  ['姜', 'jiang'],
  ['崔', 'cui'],
  ['钟', 'zhong'],
  ['谭', 'tan'],
  ['陆', 'lu'],
  ['汪', 'wang'],
  ['范', 'fan'],
  ['金', 'jin'],
];

const GIVEN: readonly [string, string][] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀', 'xiu'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['桂', 'gui'],
  ['英', 'ying'],
  ['华', 'hua'],
  ['建', 'jian'],
  ['文', 'wen'],
  ['辉', 'hui'],
  ['玲', 'ling'],
  ['斌', 'bin'],
  ['宇', 'yu'],
  ['浩', 'hao'],
  ['凯', 'kai'],
  ['鹏', 'peng'],
  ['婷', 'ting'],
  ['雪', 'xue'],
  ['琳', 'lin'],
  ['晨', 'chen'],
  ['阳', 'yang'],
  ['博', 'bo'],
  ['欣', 'xin'],
  ['宁', 'ning'],
  ['峰', 'feng'],
  ['春', 'chun'],
  ['海', 'hai'],
  ['燕', 'yan'],
  ['波', 'bo'],
  ['红', 'hong'],
  ['亮', 'liang'],
  ['志', 'zhi'],
  ['佳', 'jia'],
  ['思', 'si'],
  ['嘉', 'jia'],
  ['晓', 'xiao'],
  ['子', 'zi'],
  ['国', 'guo'],
  ['东', 'dong'],
  ['新', 'xin'],
  ['振', 'zhen'],
  ['立', 'li'],
  ['雨', 'yu'],
  ['俊', 'jun'],
  ['轩', 'xuan'],
  ['瑞', 'rui'],
  ['慧', 'hui'],
  ['倩', 'qian'],
  ['悦', 'yue'],
  ['鑫', 'xin'],
  ['成', 'cheng'],
  ['彬', 'bin'],
  ['坤', 'kun'],
  ['琦', 'qi'],
  ['昊', 'hao'],
];

/** A fictional person's name and the pinyin used for their e-mail address. */
export interface PersonName {
  readonly name: string;
  readonly pinyin: string;
}

/** Hands out fictional names, each full name once. */
export class NameMaker {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  /** A new name: a surname and one or two given-name characters. */
  next(): PersonName {
    for (;;) {
      const [surname, surnamePinyin] = this.random.pick(SURNAMES);
      const given = this.random.chance(0.7)
        ? [this.random.pick(GIVEN), this.random.pick(GIVEN)]
        : [this.random.pick(GIVEN)];
      const name = surname + given.map(([char]) => char).join('');
      if (this.used.has(name)) continue;
      this.used.add(name);
      return { name, pinyin: surnamePinyin + given.map(([, pinyin]) => pinyin).join('') };
    }
  }
}
