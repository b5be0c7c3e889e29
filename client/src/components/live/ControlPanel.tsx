import { Text, View } from '@tarojs/components';
import { Button, Switch } from '@nutui/nutui-react-taro';
import type { LiveConsoleVm } from '@/hooks/useLiveConsole';
import type { LiveConsole } from '@/services/realtime';
import { RoomStateTag } from './RoomStateTag';
import { formatClock } from './liveText';
import './live.scss';

interface Props {
  room: LiveConsole['room'];
  liveSeconds: number;
  clockText: string;
  busy: string | undefined;
  onControl: LiveConsoleVm['control'];
}

/**
 * 直播控制: state, live duration (ticking), current time, 回放 / 评论 switches, and the state's
 * actions as big buttons — 结束直播 outlined red, behind a confirmation.
 */
export function ControlPanel({ room, liveSeconds, clockText, busy, onControl }: Props) {
  const ended = room.state === 'ENDED';
  return (
    <View className="live-panel live-control">
      <View className="live-panel__title">直播控制</View>
      <View className="live-control__rows">
        <View className="live-control__row">
          <Text className="live-control__label">当前直播状态</Text>
          <RoomStateTag state={room.state} />
        </View>
        <View className="live-control__row">
          <Text className="live-control__label">直播时长</Text>
          <Text className="live-control__value live-control__duration">{formatClock(liveSeconds)}</Text>
        </View>
        <View className="live-control__row">
          <Text className="live-control__label">当前时间</Text>
          <Text className="live-control__value live-control__clock">{clockText}</Text>
        </View>
        <View className="live-control__row live-control__row--switch">
          <Text className="live-control__label">回放</Text>
          <View className="live-control__switch live-control__switch--replay">
            <Text className="live-control__switch-text">{room.replay ? '开启' : '关闭'}</Text>
            <Switch checked={room.replay} disabled={ended || !!busy} onChange={(v) => onControl(v ? 'replayOn' : 'replayOff')} />
          </View>
        </View>
        <View className="live-control__row live-control__row--switch">
          <Text className="live-control__label">评论</Text>
          <View className="live-control__switch live-control__switch--comments">
            <Text className="live-control__switch-text">{room.comments ? '开启' : '关闭'}</Text>
            <Switch checked={room.comments} disabled={ended || !!busy} onChange={(v) => onControl(v ? 'commentsOn' : 'commentsOff')} />
          </View>
        </View>
      </View>
      {ended ? (
        <Text className="live-control__note">直播已结束，数据保留可查看。</Text>
      ) : (
        <View className="live-control__actions">
          {room.state === 'NOT_STARTED' ? (
            <Button className="live-btn live-btn--start" type="primary" size="large" loading={busy === 'start'} disabled={!!busy} onClick={() => onControl('start')}>
              开始直播
            </Button>
          ) : null}
          {room.state === 'LIVE' ? (
            <Button className="live-btn live-btn--pause" type="warning" size="large" loading={busy === 'pause'} disabled={!!busy} onClick={() => onControl('pause')}>
              暂停直播
            </Button>
          ) : null}
          {room.state === 'PAUSED' ? (
            <Button className="live-btn live-btn--resume" type="primary" size="large" loading={busy === 'resume'} disabled={!!busy} onClick={() => onControl('resume')}>
              继续直播
            </Button>
          ) : null}
          {room.state !== 'NOT_STARTED' ? (
            <Button className="live-btn live-btn--end" type="danger" fill="outline" size="large" loading={busy === 'end'} disabled={!!busy} onClick={() => onControl('end')}>
              结束直播
            </Button>
          ) : null}
        </View>
      )}
    </View>
  );
}
