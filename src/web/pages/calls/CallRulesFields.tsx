import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredChoice, requiredText } from '../../components/rules.ts';
import type { CallRules } from './callQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** The rules of a call as form fields under `rules` (criteria, bonus, trimming, eligibility). */
export function CallRulesFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const criteria = Form.useWatch<CallRules['criteria'] | undefined>(['rules', 'criteria'], form);
  const total = (criteria ?? []).reduce((s, c) => s + (Number(c?.maxPoints) || 0), 0);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t('call.criteria')}>
        <Form.List name={['rules', 'criteria']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} align="top" wrap>
                  <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                  <Col xs={24} md={9}>
                    <Form.Item name={[f.name, 'name', 'zh-CN']} label={`${t('call.criterion')} ${i + 1} · ${t('call.nameZh')}`} rules={[requiredText(t, t('call.nameZh'))]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={9}>
                    <Form.Item name={[f.name, 'name', 'en']} label={t('call.nameEn')} rules={[requiredText(t, t('call.nameEn'))]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={16} md={4}>
                    <Form.Item name={[f.name, 'maxPoints']} label={t('call.points')} rules={[requiredText(t, t('call.points'))]}>
                      <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={2} style={{ paddingTop: 30 }}>
                    <Button aria-label={`${t('call.remove')} ${i + 1}`} icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                <Button icon={<PlusOutlined />} onClick={() => add({ id: `c${Date.now().toString(36)}`, name: { 'zh-CN': '', en: '' }, maxPoints: 10 })}>{t('call.addCriterion')}</Button>
                <Typography.Text type={total === 100 ? 'secondary' : 'danger'} data-testid="criteria-total">{t('call.pointsTotal', { total })}</Typography.Text>
              </Space>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('call.bonus')}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'bonus', 'coFundingPointsPerTenPercent']} label={t('call.coFundingPoints')} rules={[requiredText(t, t('call.coFundingPoints'))]}>
              <InputNumber min={0} max={5} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'bonus', 'maxBonus']} label={t('call.maxBonus')} rules={[requiredText(t, t('call.maxBonus'))]}>
              <InputNumber min={0} max={10} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name={['rules', 'bonus', 'priorityThemes']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8}>
                  <Col xs={14} md={10}>
                    <Form.Item name={[f.name, 'theme']} label={`${t('call.theme')} ${i + 1}`} rules={[requiredText(t, t('call.theme'))]}><Input maxLength={40} /></Form.Item>
                  </Col>
                  <Col xs={6} md={4}>
                    <Form.Item name={[f.name, 'points']} label={t('call.points')} rules={[requiredText(t, t('call.points'))]}><InputNumber min={0.5} max={10} step={0.5} style={{ width: '100%' }} /></Form.Item>
                  </Col>
                  <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                    <Button aria-label={`${t('call.remove')} ${t('call.theme')} ${i + 1}`} icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ theme: '', points: 1 })}>{t('call.addPriorityTheme')}</Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('call.rules')}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'trimFrom']} label={t('call.trimFrom')} rules={[requiredText(t, t('call.trimFrom'))]}><InputNumber min={3} max={20} precision={0} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'passMark']} label={t('call.passMark')} rules={[requiredText(t, t('call.passMark'))]}><InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'minPanel']} label={t('call.minPanel')} rules={[requiredText(t, t('call.minPanel'))]}><InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} /></Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('call.eligibility')}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'eligibility', 'minRating']} label={t('call.minRating')}>
              <Select allowClear placeholder={t('call.anyRating')} options={['1A', '2A', '3A', '4A', '5A'].map((r) => ({ value: r, label: r }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'eligibility', 'minAgeMonths']} label={t('call.minAgeMonths')}><InputNumber min={0} max={240} precision={0} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['rules', 'eligibility', 'failedProjectExclusionMonths']} label={t('call.failedProjectExclusionMonths')} rules={[requiredChoice(t, t('call.failedProjectExclusionMonths'))]}>
              <InputNumber min={0} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['rules', 'eligibility', 'requireAnnualReport']} label={t('call.requireAnnualReport')} valuePropName="checked"><Switch /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['rules', 'eligibility', 'excludeAbnormalList']} label={t('call.excludeAbnormalList')} valuePropName="checked"><Switch /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['rules', 'eligibility', 'excludeDishonestList']} label={t('call.excludeDishonestList')} valuePropName="checked"><Switch /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['rules', 'eligibility', 'acceptsFiledCommunityOrgs']} label={t('call.acceptsFiledCommunityOrgs')} valuePropName="checked"><Switch /></Form.Item>
          </Col>
        </Row>
      </Card>
    </Space>
  );
}

/** Form values back to the API's shape: empty optional numbers are left out, not sent as null. */
export function rulesFromForm(rules: CallRules): CallRules {
  const { minRating, minAgeMonths, ...eligibility } = rules.eligibility;
  return {
    ...rules,
    eligibility: { ...eligibility, ...(minRating ? { minRating } : {}), ...(typeof minAgeMonths === 'number' ? { minAgeMonths } : {}) },
  };
}
