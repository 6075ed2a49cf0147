import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Typography } from '../../components/Typography.tsx';
import { whenText } from './participateFormat.ts';
import type { RoundSummary } from './participateQueries.ts';

/** "Voted on …, online": the household's ballot in a round, on the list of rounds and on the ballot. */
export function BallotNote({ ballot }: { ballot: NonNullable<RoundSummary['myBallot']> }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="success" data-testid="my-ballot">
      <CheckCircleFilled aria-hidden /> {t('participate.votedAt', { when: whenText(ballot.castAt, t), channel: t(`participate.channel.${ballot.channel}`) })}
    </Typography.Text>
  );
}
