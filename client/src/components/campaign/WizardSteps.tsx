import { Text, View } from '@tarojs/components';
import './campaign.scss';

/**
 * The five steps as a compact bar: number (✓ once passed) over a short title, each tappable. Five
 * NutUI steps side by side do not fit a 375 px phone; this does.
 */
export function WizardSteps({ titles, current, onStep }: { titles: readonly string[]; current: number; onStep: (i: number) => void }) {
  return (
    <View className="campaign-wizard-steps" role="tablist">
      {titles.map((t, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <View key={t} role="tab" aria-selected={i === current} className={`campaign-wizard-steps__item campaign-wizard-steps__item--${state}`} onClick={() => onStep(i)}>
            <View className="campaign-wizard-steps__dot">{state === 'done' ? '✓' : i + 1}</View>
            <Text className="campaign-wizard-steps__title">{t}</Text>
          </View>
        );
      })}
    </View>
  );
}
