import { Text, View } from '@tarojs/components';
import type { LiveViewerState } from '@/services/realtime';
import { RoomStateTag } from './RoomStateTag';
import './live.scss';

const NOTES: Record<LiveViewerState['state'], string> = {
  NOT_STARTED: '直播还没开始，开播后主播会在这里推送优惠券',
  LIVE: '',
  PAUSED: '主播暂时离开，马上回来',
  ENDED: '直播已结束，感谢观看',
};

/** The stage: where the player sits in the real mini-program; here the room, the host and the state. */
export function WatchStage({ state }: { state: LiveViewerState }) {
  const note = NOTES[state.state];
  return (
    <View className={`live-stage live-stage--${state.state.toLowerCase()}`}>
      <View className="live-stage__top">
        <View className="live-stage__host">
          <View className="live-stage__avatar">{state.hostName.slice(0, 1)}</View>
          <View className="live-stage__who">
            <Text className="live-stage__host-name">{state.hostName}</Text>
            <Text className="live-stage__room-name">{state.name}</Text>
          </View>
        </View>
        <RoomStateTag state={state.state} />
      </View>
      {note ? <Text className="live-stage__note">{note}</Text> : null}
    </View>
  );
}
