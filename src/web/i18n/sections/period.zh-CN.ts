/** 期间选择（本月、上月、本季度或起止日期），各统计页面共用。 */
export default {
  period: { label: '统计期间', thisMonth: '本月', lastMonth: '上月', thisQuarter: '本季度', from: '开始日期', to: '结束日期' },
};
