/** The period of a figures page (this month, last month, this quarter or two dates), shared. */
export default {
  period: { label: 'Period', thisMonth: 'This month', lastMonth: 'Last month', thisQuarter: 'This quarter', from: 'From', to: 'To' },
};
