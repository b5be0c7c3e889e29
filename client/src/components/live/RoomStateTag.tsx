import { Tag } from '@nutui/nutui-react-taro';
import type { RoomState } from '@shared/live/schema';
import { ROOM_TAG_TYPES, roomStateLabel } from './liveText';
import './live.scss';

/** 未开始 / 直播中 / 已暂停 / 已结束 */
export function RoomStateTag({ state }: { state: RoomState }) {
  return (
    <Tag className={`live-state live-state--${state.toLowerCase()}`} type={ROOM_TAG_TYPES[state]} round>
      {roomStateLabel(state)}
    </Tag>
  );
}
