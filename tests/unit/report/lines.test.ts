// The rules that judge one line of a report on its own: page furniture, title-page lines, captions and credits.
// Small inputs of our own, in the forms reports use; each rule is pinned by lines it must and must not take.
import { describe, expect, it } from 'vitest';
import {
  captionLine,
  creditText,
  headingWords,
  isBylineLike,
  isDateLine,
  isDateline,
  isPageNumber,
  isSalutation,
  isSignatureLine,
  isSignOff,
} from '../../../decks/node/report/lines.ts';

describe('page numbers', () => {
  it('are the forms printed pages use', () => {
    for (const l of ['- 1 -', '— 3 —', '－12－', '·3·', '7', '第3页', '第 3 页 共 12 页', '3/12', 'Page 4']) expect(isPageNumber(l), l).toBe(true);
  });
  it('are never a year, a figure or a sentence', () => {
    for (const l of ['2023', '2023年', '5.5%', '第3季度增长5%。', '一、产业发展', '- 第一条 -']) expect(isPageNumber(l), l).toBe(false);
  });
});

describe('title-page lines', () => {
  it('a dateline or subtitle under the title', () => {
    expect(isDateline('——2024年1月10日在区第十八届人民代表大会第四次会议上')).toBe(true);
    expect(isDateline('——在全区经济工作会议上的讲话')).toBe(true);
    expect(isDateline('（2024年1月10日在区人大会议上）')).toBe(true);
    expect(isDateline('（本张图片由区委宣传部提供）')).toBe(false);
    expect(isDateline('2024年，全区上下坚持稳中求进。')).toBe(false);
  });

  it('bylines: names, offices (two on one line), an official and name, an attribution', () => {
    for (const l of ['孙良 倪贤方 袁伟江', 'XX办公室 XX研究室', '区发展和改革局 区统计局', '区长 王XX', '云溪区人民政府区长 陈立新', '区长王某某', '本报记者 张三', '东湖街道办事处', '2024年1月']) {
      expect(isBylineLike(l), l).toBe(true);
    }
  });

  it('is never a heading of two phrases, or a sentence', () => {
    for (const l of ['兴产业强平台 打造创新创业创造高地', '促融合提能级 推动城乡面貌全域焕新', '全区经济运行总体平稳。', '一、产业发展']) expect(isBylineLike(l), l).toBe(false);
  });

  it('a salutation addresses the room and ends in a colon (or ！)', () => {
    for (const l of ['各位代表：', '各位代表、各位委员：', '各位领导、同志们：', '同志们！', '尊敬的各位来宾：']) expect(isSalutation(l), l).toBe(true);
    for (const l of ['主要预期目标是：', '各位代表，现在我代表区人民政府向大会报告工作。', '存在的问题：']) expect(isSalutation(l), l).toBe(false);
  });

  it('a signature at the end is offices or a date, never a name alone (a caption could be one)', () => {
    for (const l of ['青山镇人民政府', '中共青山镇委员会 青山镇人民政府', '2024年1月15日', '二〇二四年一月']) expect(isSignatureLine(l), l).toBe(true);
    for (const l of ['樱花谷', '张三', '新的一年，我们将继续努力。']) expect(isSignatureLine(l), l).toBe(false);
    expect(isDateLine('2024年1月')).toBe(true);
    expect(isDateLine('2024年1月全区完成投资5亿元')).toBe(false);
  });

  it('a closing formula after the last words', () => {
    for (const l of ['以上报告，请予评议。', '特此报告。', '谢谢大家！', '汇报完毕。']) expect(isSignOff(l), l).toBe(true);
    expect(isSignOff('以上这些成绩来之不易，是全区上下共同努力的结果。')).toBe(false);
  });
});

describe('captions and credits', () => {
  it('credits before or after a caption, in every form', () => {
    expect(creditText('（摄影 王晓东）')).toBe('摄影 王晓东');
    expect(creditText('摄影：王晓东')).toBe('摄影：王晓东');
    expect(creditText('镇宣传文化中心供图')).toBe('镇宣传文化中心供图');
    expect(creditText('(本张图片由上虞区委宣传部提供)')).toBe('本张图片由上虞区委宣传部提供');
    expect(creditText('记者 张三 摄')).toBe('记者 张三 摄');
    expect(creditText('图/张三')).toBe('图/张三');
    expect(creditText('全区共有摄影爱好者协会3家。')).toBeNull();
    expect(creditText('上虞产业协同创新中心')).toBeNull();
  });

  it('a line is a caption by its own words: “图为…”, “图1 …”, “▲…”, with a credit on the same line split off', () => {
    expect(captionLine('图为东湖街道新建的邻里中心')).toEqual({ text: '东湖街道新建的邻里中心', credit: '' });
    expect(captionLine('（图为青山村共富工坊 镇宣传文化中心供图）')).toEqual({ text: '青山村共富工坊', credit: '镇宣传文化中心供图' });
    expect(captionLine('图1 临海科创园二期全景（区融媒体中心供图）')).toEqual({ text: '临海科创园二期全景', credit: '区融媒体中心供图' });
    expect(captionLine('▲新建成的城市书房（摄影 李明）')).toEqual({ text: '新建成的城市书房', credit: '摄影 李明' });
    expect(captionLine('上图：曹娥江“一江两岸”夜景')).toEqual({ text: '曹娥江“一江两岸”夜景', credit: '' });
  });

  it('is never a short line without those words, a table name or a paragraph that starts with 图', () => {
    for (const l of ['上虞e游小镇', '表1 2023年主要指标', '主要做法', '图书馆新增藏书2万册，借阅量增长12%。图书室覆盖全部村社。', '- 1 -']) expect(captionLine(l), l).toBeNull();
  });
});

describe('heading words', () => {
  it('drop the number and the closing mark, keep the words whole', () => {
    expect(headingWords('（一）坚持创新驱动，产业能级持续提升。')).toBe('坚持创新驱动，产业能级持续提升');
    expect(headingWords('一、2023年工作回顾')).toBe('2023年工作回顾');
    expect(headingWords('### 科创平台')).toBe('科创平台');
    expect(headingWords('3. 平台建设')).toBe('平台建设');
    expect(headingWords('第二部分 工作安排')).toBe('工作安排');
  });
});
